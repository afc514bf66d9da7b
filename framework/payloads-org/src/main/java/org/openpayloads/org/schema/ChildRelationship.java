package org.openpayloads.org.schema;

/** A reference from a child object to a parent, seen from the parent (describe's childRelationships). */
public record ChildRelationship(String childObject, String field, String relationshipName, boolean cascadeDelete) {
}
