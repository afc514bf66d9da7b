package org.openpayloads.org.soql;

import java.util.Optional;

/** The objects that queries may name. The org implements it over its schemas. */
public interface SchemaView {

    /**
     * The object named {@code name}, matched ignoring case as SOQL does; {@code name} is as written in the
     * query.
     */
    Optional<ObjectView> object(String name);
}
