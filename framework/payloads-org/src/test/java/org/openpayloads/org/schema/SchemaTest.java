package org.openpayloads.org.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;

@Tag("database")
class SchemaTest {

    private static OpenOrg org;

    @BeforeAll
    static void open() {
        org = OpenOrg.create();
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static Schema schema() {
        return org.org.schema();
    }

    private static List<String> problemFields(Runnable change) {
        try {
            change.run();
        } catch (SchemaException e) {
            assertThat(e.kind()).isEqualTo(SchemaException.Kind.INVALID);
            return e.problems().stream().map(SchemaException.Problem::field).toList();
        }
        throw new AssertionError("expected the change to be refused");
    }

    @Test
    void standardObjectsAreSeededWithTheirPrefixesAndFields() {
        assertThat(schema().objects()).extracting(ObjectDefinition::name)
                .contains("Account", "Contact", "Lead", "Opportunity", "Case", "Task", "User");
        assertThat(schema().object("account").orElseThrow().keyPrefix()).isEqualTo("001");
        assertThat(schema().object("Lead").orElseThrow().keyPrefix()).isEqualTo("00Q");
        ObjectDefinition opportunity = schema().object("Opportunity").orElseThrow();
        assertThat(opportunity.field("stagename").orElseThrow().required()).isTrue();
        assertThat(opportunity.field("CloseDate").orElseThrow().type()).isEqualTo(FieldType.DATE);
        assertThat(opportunity.field("Amount").orElseThrow().type()).isEqualTo(FieldType.CURRENCY);
        FieldDefinition accountId = schema().object("Contact").orElseThrow().relationship("account").orElseThrow();
        assertThat(accountId.name()).isEqualTo("AccountId");
        assertThat(accountId.referenceTo()).isEqualTo("Account");
        assertThat(schema().object("Contact").orElseThrow().field("Id").orElseThrow().system()).isTrue();
        assertThat(schema().snapshot().childRelationships("Account")).extracting(ChildRelationship::relationshipName)
                .contains("Contacts", "Opportunities", "Cases", "ChildAccounts");
    }

    @Test
    void customObjectsGetTheNextKeyPrefixAndTheirFields() {
        ObjectDefinition first = schema().createObject(new ObjectSpec("Shipment__c", null, null, List.of(
                FieldSpec.of("Tracking__c", "string").withExternalId().withLength(30),
                FieldSpec.of("Weight__c", "double"),
                FieldSpec.of("Kind__c", "picklist").withPicklist(List.of("Air", "Sea")),
                FieldSpec.of("Account__c", "reference").withReference("Account", true))));
        ObjectDefinition second = schema().createObject(new ObjectSpec("Parcel__c", "Parcel", "Parcels", List.of()));
        assertThat(first.keyPrefix()).matches("a[0-9A-Za-z]{2}");
        assertThat(second.keyPrefix()).isNotEqualTo(first.keyPrefix()).startsWith("a");
        assertThat(first.label()).isEqualTo("Shipment");
        FieldDefinition tracking = first.field("Tracking__c").orElseThrow();
        assertThat(tracking.externalId()).isTrue();
        assertThat(tracking.unique()).isTrue();
        assertThat(tracking.length()).isEqualTo(30);
        assertThat(first.field("Kind__c").orElseThrow().restrictedPicklist()).isTrue();
        FieldDefinition account = first.field("Account__c").orElseThrow();
        assertThat(account.relationshipName()).isEqualTo("Account__r");
        assertThat(account.cascadeDelete()).isTrue();
        assertThat(account.required()).isTrue();
        assertThat(first.field("Name").orElseThrow().writable()).isTrue();
        assertThat(schema().snapshot().childRelationships("Account")).extracting(ChildRelationship::childObject)
                .contains("Shipment__c");
        assertThatThrownBy(() -> schema().createObject(new ObjectSpec("Parcel__c", null, null, List.of())))
                .isInstanceOf(SchemaException.class).hasMessageContaining("already exists");
    }

    @Test
    void everyBadObjectOrFieldIsNamed() {
        assertThat(problemFields(() -> schema().createObject(new ObjectSpec("Bad", null, null, List.of()))))
                .containsExactly("name");
        assertThat(problemFields(() -> schema().createObject(new ObjectSpec(null, "", null, List.of()))))
                .containsExactly("name", "label");
        assertThat(problemFields(() -> schema().createObject(new ObjectSpec("Two__c", null, null, List.of(
                FieldSpec.of("No_Suffix", "string"),
                FieldSpec.of("Double__Under__c", "string"),
                FieldSpec.of("Kind__c", "money"),
                FieldSpec.of("Long__c", "string").withLength(256),
                FieldSpec.of("Flag__c", "boolean").withExternalId(),
                FieldSpec.of("Pick__c", "picklist"),
                FieldSpec.of("Dup__c", "picklist").withPicklist(List.of("A", "a")),
                FieldSpec.of("Ref__c", "reference").withReference("Nowhere__c", false),
                new FieldSpec("Num__c", null, "double", null, 40, null, null, null, null, null, null, null, null,
                        null))))))
                .containsExactly("fields[0].name", "fields[1].name", "fields[2].type", "fields[3].length",
                        "fields[4].externalId", "fields[5].picklistValues", "fields[6].picklistValues[1]",
                        "fields[7].referenceTo", "fields[8].precision");
        assertThat(problemFields(() -> schema().createField("Account", FieldSpec.of("Bad Name__c", "string"))))
                .containsExactly("name");
        assertThatThrownBy(() -> schema().createField("Nope__c", FieldSpec.of("X__c", "string")))
                .isInstanceOf(SchemaException.class).hasMessageContaining("No object 'Nope__c'");
    }

    @Test
    void fieldsChangeWithinLimitsAndLoseTheirValuesWhenDeleted() {
        schema().createObject(new ObjectSpec("Note__c", null, null, List.of(FieldSpec.of("Text__c", "string"))));
        FieldDefinition longer = schema().updateField("Note__c", "Text__c", FieldSpec.of(null, null).withLength(100)
                .withRequired());
        assertThat(longer.length()).isEqualTo(100);
        assertThat(longer.required()).isTrue();
        assertThat(problemFields(() -> schema().updateField("Note__c", "Text__c", FieldSpec.of(null, "int"))))
                .containsExactly("type");
        String id = org.json("POST", OrgTesting.BASE + "/sobjects/Note__c", "{\"Text__c\": \"kept\"}").get("id")
                .asText();
        schema().deleteField("Note__c", "Text__c");
        schema().createField("Note__c", FieldSpec.of("Text__c", "string"));
        assertThat(org.json("GET", OrgTesting.BASE + "/sobjects/Note__c/" + id, "").get("Text__c").isNull()).isTrue();
        assertThatThrownBy(() -> schema().deleteField("Account", "Name")).isInstanceOf(SchemaException.class)
                .hasMessageContaining("standard field");
    }

    @Test
    void objectsAreDeletedWithTheirRecordsUnlessReferenced() {
        schema().createObject(new ObjectSpec("Holder__c", null, null, List.of()));
        schema().createObject(new ObjectSpec("Held__c", null, null, List.of(FieldSpec.of("Holder__c", "reference")
                .withReference("Holder__c", false))));
        assertThatThrownBy(() -> schema().deleteObject("Holder__c")).isInstanceOf(SchemaException.class)
                .hasMessageContaining("Held__c.Holder__c");
        org.call("POST", OrgTesting.BASE + "/sobjects/Held__c", "{}");
        schema().deleteObject("Held__c");
        assertThat(schema().object("Held__c")).isEmpty();
        assertThatThrownBy(() -> schema().deleteObject("Account")).hasMessageContaining("standard object");
        assertThat(schema().updateObject("Holder__c", "Keeper", "Keepers").labelPlural()).isEqualTo("Keepers");
    }

    @Test
    void theSchemaSurvivesARestart() {
        schema().createObject(new ObjectSpec("Durable__c", null, null, List.of(FieldSpec.of("Ext__c", "string")
                .withExternalId())));
        String prefix = schema().object("Durable__c").orElseThrow().keyPrefix();
        org.reopen();
        assertThat(schema().object("Durable__c").orElseThrow().keyPrefix()).isEqualTo(prefix);
        assertThat(schema().object("Durable__c").orElseThrow().field("Ext__c").orElseThrow().externalId()).isTrue();
        assertThat(schema().objects().stream().filter(o -> o.name().equals("Account"))).hasSize(1);
    }
}
