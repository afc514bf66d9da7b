package org.openpayloads.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's form encoding: nested maps and lists flattened with brackets, as in {@code metadata[order]=42},
 * {@code expand[]=customer} and {@code items[0][price]=price_1}. Also the query strings and path segments
 * of calls.
 *
 * <p>A null value, an empty map and an empty list are sent as an empty value ({@code metadata=}), which
 * Stripe reads as "unset".
 */
final class StripeForm {

    private StripeForm() {
    }

    /** One flattened parameter, its name in bracket notation, before percent-encoding. */
    record Pair(String name, String value) {
    }

    /** The body of a POST: names keep their brackets readable, as Stripe's own libraries send them. */
    static String body(Map<String, ?> params) {
        return flatten(params).stream().map(p -> encode(p.name()).replace("%5B", "[").replace("%5D", "]") + "="
                + encode(p.value())).collect(Collectors.joining("&"));
    }

    /** A query string, without the {@code ?}; brackets are percent-encoded, as a URI's query requires. */
    static String query(List<Pair> pairs) {
        return pairs.stream().map(p -> encode(p.name()) + "=" + encode(p.value())).collect(Collectors.joining("&"));
    }

    /** Flattens {@code params} in their iteration order; use a LinkedHashMap for a stable body. */
    static List<Pair> flatten(Map<String, ?> params) {
        List<Pair> pairs = new ArrayList<>();
        params.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A Stripe parameter has a blank name; expected names such as "
                        + "'metadata' or 'amount'");
            }
            add(name, value, pairs);
        });
        return pairs;
    }

    /**
     * {@code template} with each {@code {…}} replaced by the next id, percent-encoded as one path segment,
     * for example {@code path("/v1/customers/{id}/sources/{source}", "cus_1", "card_2")}.
     */
    static String path(String template, String... ids) {
        StringBuilder path = new StringBuilder();
        int next = 0;
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("Path template '" + template + "' has a '{' without '}'");
            }
            if (next == ids.length) {
                throw new IllegalArgumentException("Path template '" + template + "' has more placeholders than the "
                        + ids.length + " ids given");
            }
            path.append(template, from, open).append(segment(ids[next++]));
            from = close + 1;
        }
        if (next != ids.length) {
            throw new IllegalArgumentException("Path template '" + template + "' has " + next + " placeholders but "
                    + ids.length + " ids were given");
        }
        return path.append(template.substring(from)).toString();
    }

    private static String segment(@Nullable String id) {
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("A Stripe id was " + (id == null ? "null" : "'" + id + "'")
                    + "; expected an id such as cus_NffrFeUfNV2Hib");
        }
        return encode(id).replace("+", "%20");
    }

    private static void add(String name, @Nullable Object value, List<Pair> pairs) {
        if (value instanceof JsonNode node) {
            addJson(name, node, pairs);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                pairs.add(new Pair(name, ""));
            }
            map.forEach((key, item) -> {
                // Stripe cannot tell a bracket in a key from the notation's own.
                if (!(key instanceof String text) || text.isBlank() || text.contains("[") || text.contains("]")) {
                    throw new IllegalArgumentException("Parameter '" + name + "' has a key " + (key == null ? "null"
                            : "'" + key + "'") + "; expected non-blank text keys without [ or ]");
                }
                add(name + "[" + text + "]", item, pairs);
            });
        } else if (value instanceof Collection<?> list) {
            addList(name, new ArrayList<>(list), pairs);
        } else {
            pairs.add(new Pair(name, scalar(name, value)));
        }
    }

    /** Scalars as {@code name[]=v}; a list holding a map or a list is indexed, {@code name[0][…]}. */
    private static void addList(String name, List<?> list, List<Pair> pairs) {
        if (list.isEmpty()) {
            pairs.add(new Pair(name, ""));
            return;
        }
        boolean indexed = list.stream().anyMatch(StripeForm::isContainer);
        for (int i = 0; i < list.size(); i++) {
            add(name + (indexed ? "[" + i + "]" : "[]"), list.get(i), pairs);
        }
    }

    private static void addJson(String name, JsonNode node, List<Pair> pairs) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
            add(name, fields, pairs);
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            addList(name, items, pairs);
        } else {
            pairs.add(new Pair(name, node.isNull() || node.isMissingNode() ? ""
                    : node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText()));
        }
    }

    private static boolean isContainer(@Nullable Object value) {
        return value instanceof Map || value instanceof Collection || value instanceof JsonNode node
                && node.isContainerNode();
    }

    private static String scalar(String name, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            // Stripe's timestamps are Unix seconds.
            return Long.toString(instant.getEpochSecond());
        }
        throw new IllegalArgumentException("Parameter '" + name + "' is a " + value.getClass().getName()
                + "; expected text, a number, a boolean, an enum, an Instant, a map, a list or a JsonNode");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
