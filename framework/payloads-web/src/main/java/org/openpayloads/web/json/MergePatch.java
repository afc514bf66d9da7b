package org.openpayloads.web.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON Merge Patch, RFC 7396: a patch object sets the members it names, removes those it sets to
 * {@code null}, and leaves every other member as it is. Arrays and scalars replace what they patch.
 * Neither input is changed.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** The result of applying {@code patch} to {@code target}, section 2 of RFC 7396. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                JsonNode current = result.path(member.getKey());
                result.set(member.getKey(), apply(current, member.getValue()));
            }
        }
        return result;
    }
}
