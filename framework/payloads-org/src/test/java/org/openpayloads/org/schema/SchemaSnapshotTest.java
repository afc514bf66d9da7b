package org.openpayloads.org.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaSnapshotTest {

    private static FieldDefinition field(String name, FieldType type, String to, String relationship) {
        return new FieldDefinition(name, name, type, 18, 0, 0, false, false, false, false, true, false, List.of(),
                false, to, relationship, to == null ? null : "Kids__r", false);
    }

    @Test
    void namesMatchWithoutCaseAndChildrenAreListedOnTheParent() {
        ObjectDefinition parent = new ObjectDefinition("Parent__c", "Parent", "Parents", "a00", true, List.of(
                field("Code__c", FieldType.STRING, null, null)));
        ObjectDefinition kid = new ObjectDefinition("Kid__c", "Kid", "Kids", "a01", true, List.of(
                field("Parent__c", FieldType.REFERENCE, "Parent__c", "Parent__r")));
        SchemaSnapshot snapshot = new SchemaSnapshot(List.of(kid, parent));
        assertThat(snapshot.objects()).extracting(ObjectDefinition::name).containsExactly("Kid__c", "Parent__c");
        assertThat(snapshot.object("KID__C")).contains(kid);
        assertThat(snapshot.byKeyPrefix("a00")).contains(parent);
        assertThat(snapshot.byKeyPrefix("A00")).isEmpty();
        assertThat(kid.relationship("parent__R").orElseThrow().name()).isEqualTo("Parent__c");
        assertThat(kid.field("parent__c")).isPresent();
        assertThat(snapshot.childRelationships("parent__c")).containsExactly(new ChildRelationship("Kid__c",
                "Parent__c", "Kids__r", false));
        assertThat(snapshot.childRelationships("Kid__c")).isEmpty();
        assertThat(kid.toString()).contains("Kid__c", "a01");
    }

    @Test
    void fieldTypesAndDefinitionsKnowTheirRules() {
        assertThat(FieldType.ofDescribeName("Currency")).contains(FieldType.CURRENCY);
        assertThat(FieldType.ofDescribeName("money")).isEmpty();
        assertThat(FieldType.customTypeNames()).contains("string", "reference").doesNotContain("id,");
        assertThat(FieldType.CURRENCY.soapType()).isEqualTo("xsd:double");
        assertThat(FieldType.TEXTAREA.hasLength()).isTrue();
        assertThat(FieldType.DATE.isNumber()).isFalse();
        assertThat(field("Ref__c", FieldType.REFERENCE, "A", "A__r").indexKind())
                .isEqualTo(FieldDefinition.IndexKind.SHARED);
        assertThat(field("Code__c", FieldType.STRING, null, null).indexKind()).isEqualTo(FieldDefinition.IndexKind.NONE);
        assertThat(field("Code__c", FieldType.STRING, null, null).isUpsertKey()).isFalse();
        assertThatThrownBy(() -> field("Ref__c", FieldType.REFERENCE, null, null))
                .hasMessageContaining("reference field Ref__c needs referenceTo");
        assertThat(Schema.nextKeyPrefix(new SchemaSnapshot(List.of()))).isEqualTo("a00");
    }
}
