package org.openpayloads.org.soql;

import java.util.Optional;

/** One object of a {@link SchemaView}: its fields and its parent relationships. */
public interface ObjectView {

    /** The object's canonical API name, such as {@code Account}. */
    String name();

    /** The field named {@code name}, matched ignoring case. */
    Optional<FieldView> field(String name);

    /** The parent relationship named {@code relationshipName} (such as {@code Account} or {@code Customer__r}), matched ignoring case. */
    Optional<RelationshipView> relationship(String relationshipName);
}
