package org.openpayloads.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Element;

/**
 * Derives a payload's element tree from a sample body parsed by {@link BodyParser}: one element per
 * object field, with its JSONPath ({@code $.a.b}, or {@code $['weird key']} for a name that is not an
 * identifier) and the type its value suggests. The items of an array are merged, so that
 * {@code $.items[*].price} is there when any item has it. Every element is optional.
 */
public final class SampleElements {

    /** Deeper than any tree {@link BodyParser} makes with sane limits; guards the recursion. */
    static final int MAX_DEPTH = 1_000;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private SampleElements() {
    }

    /**
     * The elements of {@code tree}: its fields when it is an object, the merged fields of its items
     * (as {@code $[*].x}) when it is an array, none otherwise.
     *
     * @throws MappingException when the tree nests deeper than {@value #MAX_DEPTH} levels
     */
    public static List<Element> from(JsonNode tree) {
        Shape shape = new Shape();
        shape.merge(tree, 0);
        String path = shape.repeated ? "$[*]" : "$";
        Shape fields = shape.repeated ? shape.item : shape;
        return fields == null ? List.of() : fields.elements(path);
    }

    /** What the values seen at one place in the tree have in common. */
    private static final class Shape {
        @Nullable DataType type;
        boolean repeated;
        @Nullable Shape item;
        final Map<String, Shape> fields = new LinkedHashMap<>();

        void merge(JsonNode node, int depth) {
            if (depth > MAX_DEPTH) {
                throw new MappingException("The sample is nested deeper than " + MAX_DEPTH + " levels");
            }
            if (node.isArray()) {
                repeated = true;
                if (item == null) {
                    item = new Shape();
                }
                for (JsonNode each : node) {
                    item.merge(each, depth + 1);
                }
                return;
            }
            type = combine(type, typeOf(node));
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    fields.computeIfAbsent(field.getKey(), name -> new Shape()).merge(field.getValue(), depth + 1);
                }
            }
        }

        List<Element> elements(String path) {
            List<Element> elements = new ArrayList<>();
            fields.forEach((name, shape) -> elements.add(shape.element(name, childPath(path, name))));
            return elements;
        }

        Element element(String name, String path) {
            if (!repeated) {
                return new Element(name, path, type == null ? DataType.STRING : type, false, false, elements(path));
            }
            Shape items = item;
            if (items == null || items.repeated || items.type == null && items.fields.isEmpty()) {
                // Empty arrays and arrays of arrays: the item's shape is unknown.
                return new Element(name, path, DataType.ARRAY, false, true, List.of());
            }
            return new Element(name, path, items.type == null ? DataType.STRING : items.type, false, true,
                    items.elements(path + "[*]"));
        }
    }

    static String childPath(String parent, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static @Nullable DataType typeOf(JsonNode node) {
        if (node.isObject()) {
            return DataType.OBJECT;
        }
        if (node.isIntegralNumber()) {
            return DataType.INTEGER;
        }
        if (node.isNumber()) {
            return DataType.NUMBER;
        }
        if (node.isBoolean()) {
            return DataType.BOOLEAN;
        }
        if (node.isTextual()) {
            return textType(node.textValue());
        }
        return null; // null says nothing about the type
    }

    private static DataType textType(String text) {
        if (DATE.matcher(text).matches() && isDate(text)) {
            return DataType.DATE;
        }
        var datetime = DATETIME.matcher(text);
        return datetime.matches() && isDate(datetime.group(1)) ? DataType.DATETIME : DataType.STRING;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static @Nullable DataType combine(@Nullable DataType seen, @Nullable DataType next) {
        if (seen == null || seen == next) {
            return next == null ? seen : next;
        }
        if (next == null || seen == DataType.OBJECT) {
            return seen;
        }
        if (next == DataType.OBJECT) {
            return next;
        }
        if (isOneOf(seen, next, DataType.INTEGER, DataType.NUMBER)) {
            return DataType.NUMBER;
        }
        return isOneOf(seen, next, DataType.DATE, DataType.DATETIME) ? DataType.DATETIME : DataType.STRING;
    }

    private static boolean isOneOf(DataType a, DataType b, DataType x, DataType y) {
        return a == x && b == y || a == y && b == x;
    }
}
