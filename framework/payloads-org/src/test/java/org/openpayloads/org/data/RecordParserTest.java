package org.openpayloads.org.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;
import org.openpayloads.org.schema.StandardObjects;

class RecordParserTest {

    private static final SchemaSnapshot SCHEMA = new SchemaSnapshot(StandardObjects.seeds().stream().map(seed -> {
        List<FieldDefinition> fields = new java.util.ArrayList<>(StandardObjects.systemFields(seed.name()));
        fields.addAll(seed.fields());
        return new ObjectDefinition(seed.name(), seed.label(), seed.labelPlural(), seed.keyPrefix(), false, fields);
    }).toList());
    private static final ObjectDefinition CONTACT = SCHEMA.object("Contact").orElseThrow();

    private static ParsedRecord parse(String json) {
        return RecordParser.parse(OrgTesting.parse(json), CONTACT, SCHEMA);
    }

    @Test
    void fieldsMatchWithoutCaseAndTakeTheirCanonicalNames() {
        ParsedRecord record = parse("{\"attributes\": {\"type\": \"Contact\"}, \"lastname\": \"Smith\", "
                + "\"EMAIL\": \"a@b.co\", \"Id\": \"0037e00001WZ30qAAD\"}");
        assertThat(record.valid()).isTrue();
        assertThat(record.values()).containsEntry("LastName", "Smith").containsEntry("Email", "a@b.co");
        assertThat(record.id()).isEqualTo("0037e00001WZ30qAAD");
        assertThat(record.type()).isEqualTo("Contact");
    }

    @Test
    void everyProblemIsCollected() {
        ParsedRecord record = parse("{\"Nope\": 1, \"CreatedDate\": \"2020-01-01\", \"HasOptedOutOfEmail\": \"y\"}");
        assertThat(record.errors()).extracting(SfError::code).containsExactly("INVALID_FIELD",
                "INVALID_FIELD_FOR_INSERT_UPDATE", "JSON_PARSER_ERROR");
        assertThat(record.errors().get(0).message()).isEqualTo("No such column 'Nope' on sobject of type Contact");
        assertThat(parse("[]").errors()).extracting(SfError::code).containsExactly("JSON_PARSER_ERROR");
    }

    @Test
    void aParentByExternalIdBecomesAForeignKey() {
        ParsedRecord record = parse("{\"LastName\": \"x\", \"Account\": {\"attributes\": {\"type\": \"Account\"}, "
                + "\"Id\": \"0017e00001W4GYRAA3\"}}");
        assertThat(record.foreignKeys()).hasSize(1);
        assertThat(record.foreignKeys().get(0).field().name()).isEqualTo("AccountId");
        assertThat(record.foreignKeys().get(0).keyField()).isEqualTo("Id");
        ParsedRecord bad = parse("{\"Account\": {\"Name\": \"not a key\"}}");
        assertThat(bad.errors()).extracting(SfError::code).containsExactly("INVALID_FIELD");
        assertThat(bad.errors().get(0).fields()).containsExactly("AccountId");
    }

    @Test
    void keyValuesFromUrlsAreTyped() {
        FieldDefinition email = CONTACT.field("Email").orElseThrow();
        assertThat(RecordParser.keyValue(email, "a@b.co").value()).isEqualTo("a@b.co");
        assertThat(RecordParser.keyValue(email, "nope").error().code()).isEqualTo("INVALID_EMAIL_ADDRESS");
    }
}
