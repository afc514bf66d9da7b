package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpayloads.org.schema.FieldSpec;
import org.openpayloads.org.schema.ObjectSpec;
import org.openpayloads.org.schema.Schema;
import org.openpayloads.org.schema.SchemaException;

/**
 * Brings the org's schema up to what a bundle's {@code org} section declares: custom objects (with their
 * fields) and fields on existing objects, each in the admin API's form. What exists already is left as it
 * is, so importing a bundle twice changes nothing the second time.
 *
 * <pre>{"objects": [{"name": "Stripe_Charge__c", "label": ..., "fields": [...]}],
 *  "fields": {"Account": [{"name": "Stripe_Customer_Id__c", "type": "string", ...}]}}</pre>
 */
public final class SchemaImport {

    private static final Set<String> SECTION_PROPERTIES = Set.of("objects", "fields");

    private SchemaImport() {
    }

    /**
     * Creates what is missing, objects first; returns what it created, as {@code Object} and
     * {@code Object.Field}.
     *
     * @throws SchemaException when the section is malformed (every problem named by its path) or a
     *     change is refused
     */
    public static List<String> ensure(Schema schema, JsonNode section) {
        AdminInput input = new AdminInput();
        if (!section.isObject()) {
            throw SchemaException.invalid(List.of(new SchemaException.Problem("org",
                    "Expected an object with 'objects' and 'fields', got " + section)));
        }
        input.onlyKnown(section, "org.", SECTION_PROPERTIES);
        List<ObjectSpec> objects = new ArrayList<>();
        JsonNode objectList = section.path("objects");
        if (!objectList.isMissingNode() && !objectList.isArray()) {
            input.problem("org.objects", "Expected an array of objects, got " + objectList);
        }
        for (JsonNode node : objectList.isArray() ? objectList : List.<JsonNode>of()) {
            objects.add(AdminJson.objectSpec(node, input));
        }
        List<Map.Entry<String, FieldSpec>> fields = new ArrayList<>();
        JsonNode fieldMap = section.path("fields");
        if (!fieldMap.isMissingNode() && !fieldMap.isObject()) {
            input.problem("org.fields", "Expected an object of field lists by object name, got " + fieldMap);
        }
        fieldMap.fields().forEachRemaining(entry -> {
            String prefix = "org.fields." + entry.getKey();
            if (!entry.getValue().isArray()) {
                input.problem(prefix, "Expected an array of fields, got " + entry.getValue());
                return;
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                fields.add(Map.entry(entry.getKey(),
                        AdminJson.fieldSpec(entry.getValue().get(i), prefix + "[" + i + "].", input)));
            }
        });
        if (!input.ok()) {
            throw SchemaException.invalid(input.problems().entrySet().stream()
                    .map(p -> new SchemaException.Problem(p.getKey(), p.getValue())).toList());
        }
        List<String> created = new ArrayList<>();
        for (ObjectSpec object : objects) {
            if (schema.object(object.name()).isEmpty()) {
                schema.createObject(object);
                created.add(object.name());
            }
        }
        for (Map.Entry<String, FieldSpec> field : fields) {
            String object = field.getKey();
            String name = field.getValue().name();
            boolean exists = schema.object(object).orElseThrow(() -> SchemaException.notFound("No object '"
                    + object + "' for the field '" + name + "' in org.fields")).field(name).isPresent();
            if (!exists) {
                schema.createField(object, field.getValue());
                created.add(object + "." + name);
            }
        }
        return created;
    }
}
