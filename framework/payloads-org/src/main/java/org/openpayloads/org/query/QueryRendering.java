package org.openpayloads.org.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.schema.FieldDefinition;

/**
 * Renders a query row: {@code attributes}, then the selected fields in order. A parent field
 * ({@code Account.Name}) becomes a nested object under the relationship name, with its own
 * {@code attributes}; a missing parent is {@code null}.
 */
final class QueryRendering {

    private QueryRendering() {
    }

    static ObjectNode row(RecordRow row, List<String> paths, String version) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.set("attributes", RecordJson.attributes(row.object().name(), row.record().id(), version));
        for (String path : paths) {
            put(node, row, path, version);
        }
        return node;
    }

    private static void put(ObjectNode node, RecordRow row, String path, String version) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            Optional<FieldDefinition> field = row.object().field(path);
            field.ifPresent(f -> node.set(f.name(), RecordJson.value(f, row.record().value(f.name()))));
            return;
        }
        String relationship = path.substring(0, dot);
        Optional<FieldDefinition> reference = row.object().relationship(relationship);
        if (reference.isEmpty()) {
            return;
        }
        String name = reference.get().relationshipName();
        Optional<QueryRow> parent = row.parentOf(reference.get());
        if (parent.isEmpty()) {
            if (!node.has(name)) {
                node.putNull(name);
            }
            return;
        }
        RecordRow parentRow = (RecordRow) parent.get();
        ObjectNode nested = node.get(name) instanceof ObjectNode existing ? existing : null;
        if (nested == null) {
            nested = RecordJson.NODES.objectNode();
            nested.set("attributes", RecordJson.attributes(parentRow.object().name(), parentRow.record().id(),
                    version));
            node.set(name, nested);
        }
        put(nested, parentRow, path.substring(dot + 1), version);
    }
}
