package org.openpayloads.org.soql;

/**
 * A parent relationship: {@code Account} on Contact reaches the Account named by the field {@code AccountId};
 * a custom one such as {@code Customer__r} is held by {@code Customer__c}.
 */
public interface RelationshipView {

    /** The relationship's canonical name, as used in paths: {@code Account}, {@code Customer__r}. */
    String name();

    /** The canonical name of the parent object. */
    String targetObject();

    /** The canonical name of the reference field that holds the parent's id. */
    String field();
}
