package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

class DescribeTest {

    private static final FieldDefinition EXTERNAL = new FieldDefinition("External_Id__c", "External Id",
            FieldType.DOUBLE, 0, 18, 0, false, true, true, true, true, false, List.of(), false, null, null, null, false);

    @Test
    void aFieldHasEveryKeyOfARealDescribeWithTheSameMeaning() {
        JsonNode real = OrgTesting.parse(OrgTesting.fixture("describe-custom-object-with-externalid.json"))
                .at("/fields/2");
        ObjectNode ours = Describe.field(EXTERNAL);
        List<String> missing = new ArrayList<>();
        real.fieldNames().forEachRemaining(key -> {
            if (!ours.has(key)) {
                missing.add(key);
            }
        });
        assertThat(missing).isEmpty();
        for (String key : List.of("name", "type", "externalId", "idLookup", "custom", "soapType", "precision",
                "scale", "nillable", "referenceTo", "picklistValues", "relationshipName")) {
            assertThat(ours.get(key)).as(key).isEqualTo(real.get(key));
        }
    }

    @Test
    void anObjectListsItsFieldsAndChildren() {
        FieldDefinition id = new FieldDefinition("Id", "Record ID", FieldType.ID, 18, 0, 0, false, false, false, true,
                false, true, List.of(), false, null, null, null, false);
        FieldDefinition parent = new FieldDefinition("Parent__c", "Parent", FieldType.REFERENCE, 18, 0, 0, false,
                false, false, false, true, false, List.of(), false, "Thing__c", "Parent__r", "Things__r", true);
        ObjectDefinition thing = new ObjectDefinition("Thing__c", "Thing", "Things", "a05", true, List.of(id,
                parent, EXTERNAL));
        ObjectNode describe = Describe.object(thing, new SchemaSnapshot(List.of(thing)), "v62.0");
        assertThat(describe.get("keyPrefix").asText()).isEqualTo("a05");
        assertThat(describe.at("/urls/rowTemplate").asText()).isEqualTo("/services/data/v62.0/sobjects/Thing__c/{ID}");
        assertThat(describe.get("fields")).hasSize(3);
        assertThat(describe.at("/childRelationships/0/relationshipName").asText()).isEqualTo("Things__r");
        assertThat(describe.at("/childRelationships/0/cascadeDelete").asBoolean()).isTrue();
        assertThat(describe.at("/fields/0/updateable").asBoolean()).isFalse();
        assertThat(describe.at("/fields/1/referenceTo/0").asText()).isEqualTo("Thing__c");
    }
}
