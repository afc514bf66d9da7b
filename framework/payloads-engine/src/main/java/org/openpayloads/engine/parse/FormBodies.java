package org.openpayloads.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openpayloads.api.MappingException;

/**
 * {@code application/x-www-form-urlencoded} bodies, with the bracket notation of Rails and Stripe:
 * {@code a[b]=1} is an object, {@code a[0][b]=1} an array of objects and {@code a[]=1} an array. All
 * values are strings.
 */
final class FormBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ParseLimits limits;

    FormBodies(ParseLimits limits) {
        this.limits = limits;
    }

    ObjectNode parse(byte[] body, Charset charset) {
        ObjectNode root = NODES.objectNode();
        int fields = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                if (++fields > limits.maxFields()) {
                    throw new MappingException("The form body has more than " + limits.maxFields() + " fields");
                }
                addPair(root, body, start, end, charset);
            }
            start = end + 1;
        }
        return root;
    }

    private void addPair(ObjectNode root, byte[] body, int start, int end, Charset charset) {
        int eq = indexOf(body, (byte) '=', start, end);
        String rawKey = new String(body, start, eq - start, StandardCharsets.ISO_8859_1);
        String key = Charsets.decode(percentDecode(body, start, eq, "key '" + Texts.shorten(rawKey) + "'"), charset,
                "The form key '" + Texts.shorten(rawKey) + "'");
        if (key.isEmpty()) {
            throw new MappingException("The form body has a field with an empty name; expected name=value pairs");
        }
        String value = eq == end ? "" : Charsets.decode(
                percentDecode(body, eq + 1, end, "value of '" + Texts.shorten(key) + "'"), charset,
                "The value of form field '" + Texts.shorten(key) + "'");
        put(root, key, segments(key), value);
    }

    /** The key's parts: its name, then one per bracket; "" for {@code []}. */
    private List<String> segments(String key) {
        int open = key.indexOf('[');
        List<String> segments = new ArrayList<>();
        if (open < 0) {
            segments.add(key);
            return segments;
        }
        if (open == 0) {
            throw malformed(key);
        }
        segments.add(key.substring(0, open));
        int at = open;
        while (at < key.length()) {
            if (key.charAt(at) != '[') {
                throw malformed(key);
            }
            int close = key.indexOf(']', at);
            if (close < 0) {
                throw malformed(key);
            }
            if (segments.size() > limits.maxKeyBrackets()) {
                throw new MappingException("The form key '" + Texts.shorten(key) + "' has more than "
                        + limits.maxKeyBrackets() + " [..] segments");
            }
            segments.add(key.substring(at + 1, close));
            at = close + 1;
        }
        return segments;
    }

    private void put(ObjectNode root, String key, List<String> segments, String value) {
        JsonNode container = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            String next = last ? "" : segments.get(i + 1);
            JsonNode child = last ? NODES.textNode(value) : isName(next) ? NODES.objectNode() : NODES.arrayNode();
            if (container instanceof ObjectNode object) {
                if (i > 0 && !isName(segment)) {
                    throw conflict(key, segments, i, "an object");
                }
                container = placeInObject(object, segment, child, key, segments, i);
            } else {
                if (isName(segment)) {
                    throw conflict(key, segments, i, "an array");
                }
                container = placeInArray((ArrayNode) container, segment, next, child, key, segments, i);
            }
        }
    }

    private JsonNode placeInObject(ObjectNode object, String name, JsonNode child, String key, List<String> segments,
                                   int i) {
        JsonNode existing = object.get(name);
        if (existing == null) {
            object.set(name, child);
            return child;
        }
        if (child.isTextual()) {
            // A repeated plain key (a=1&a=2) collects its values.
            if (existing.isTextual()) {
                object.set(name, NODES.arrayNode().add(existing).add(child));
                return child;
            }
            if (existing.isArray() && allText(existing)) {
                ((ArrayNode) existing).add(child);
                return child;
            }
        } else if (existing.getNodeType() == child.getNodeType()) {
            return existing;
        }
        throw conflict(key, segments, i + 1, kind(existing));
    }

    private JsonNode placeInArray(ArrayNode array, String segment, String next, JsonNode child, String key,
                                  List<String> segments, int i) {
        if (segment.isEmpty()) {
            JsonNode lastItem = array.isEmpty() ? null : array.get(array.size() - 1);
            // Like Rails, a[][x]=1&a[][y]=2 fills one item, and a new x starts the next.
            if (child.isObject() && lastItem != null && lastItem.isObject() && !lastItem.has(next)) {
                return lastItem;
            }
            if (array.size() >= limits.maxFields()) {
                throw new MappingException("The form key '" + Texts.shorten(key) + "' makes an array longer than "
                        + limits.maxFields() + " items");
            }
            array.add(child);
            return child;
        }
        int index = index(segment, key);
        while (array.size() <= index) {
            array.add(NullNode.getInstance());
        }
        JsonNode existing = array.get(index);
        if (existing.isNull()) {
            array.set(index, child);
            return child;
        }
        if (!child.isTextual() && existing.getNodeType() == child.getNodeType()) {
            return existing;
        }
        throw conflict(key, segments, i + 1, kind(existing));
    }

    private int index(String segment, String key) {
        if (segment.length() > 9 || Integer.parseInt(segment) >= limits.maxFields()) {
            throw new MappingException("The index [" + Texts.shorten(segment) + "] of form key '" + Texts.shorten(key)
                    + "' is too large; expected less than " + limits.maxFields());
        }
        return Integer.parseInt(segment);
    }

    private static boolean isName(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : "a value";
    }

    private static MappingException conflict(String key, List<String> segments, int prefixLength, String kind) {
        StringBuilder prefix = new StringBuilder(segments.get(0));
        for (int i = 1; i < prefixLength; i++) {
            prefix.append('[').append(segments.get(i)).append(']');
        }
        return new MappingException("The form key '" + Texts.shorten(key) + "' conflicts with an earlier one: '"
                + Texts.shorten(prefix.toString()) + "' is already " + kind);
    }

    private static MappingException malformed(String key) {
        return new MappingException("The form key '" + Texts.shorten(key)
                + "' has malformed brackets; expected for example address[city] or items[0][price]");
    }

    private static byte[] percentDecode(byte[] body, int start, int end, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int high = i + 2 < end ? Character.digit(body[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(body[i + 2], 16);
                if (low < 0) {
                    throw new MappingException("Malformed percent escape in the form " + what
                            + "; expected % followed by two hex digits, such as %20");
                }
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }
}
