package org.openpayloads.engine.model;

import java.util.List;

/**
 * A node of a payload's body tree.
 *
 * @param path a JSONPath from the body's root, for example {@code $.data.object.customer}
 * @param repeated whether the node is an array whose items each carry the children
 */
public record Element(String name, String path, DataType dataType, boolean required, boolean repeated,
                      List<Element> children) {

    public Element {
        dataType = dataType == null ? DataType.STRING : dataType;
        children = children == null ? List.of() : List.copyOf(children);
    }
}
