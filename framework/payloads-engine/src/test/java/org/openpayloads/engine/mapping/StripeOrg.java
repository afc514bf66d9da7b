package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.testkit.Fixtures;
import org.openpayloads.testkit.InMemoryRecordClient;

/**
 * An org for the Stripe examples: the published Account describe plus the sample's custom fields, a Contact, a
 * Stripe_Charge__c, an Invoice_Line__c per line of a Stripe invoice and a Line_Note__c per line; and the Stripe
 * charge.succeeded event built from the shared fixture.
 */
final class StripeOrg {

    static final ObjectMapper JSON = new ObjectMapper();

    private StripeOrg() {
    }

    static InMemoryRecordClient client() {
        return new InMemoryRecordClient(List.of(account(), contact(), charge(), invoiceLine(), lineNote()));
    }

    static ObjectDescription account() {
        ObjectDescription published = InMemoryRecordClient.describe(read("salesforce/describe-account.json"));
        Map<String, FieldDescription> fields = new LinkedHashMap<>(published.fields());
        fields.put("Stripe_Customer_Id__c", externalId("Stripe_Customer_Id__c"));
        fields.put("Last_Charge_Date__c", field("Last_Charge_Date__c", "date", 0));
        fields.put("Last_Charge_Amount__c", field("Last_Charge_Amount__c", "currency", 0));
        fields.put("Card_Brand__c", new FieldDescription("Card_Brand__c", "picklist", 40, true, true, true, false,
                false, List.of("Visa", "Mastercard", "American Express", "Other"), List.of()));
        fields.put("Livemode__c", field("Livemode__c", "boolean", 0));
        return new ObjectDescription("Account", fields);
    }

    static ObjectDescription contact() {
        Map<String, FieldDescription> fields = new LinkedHashMap<>();
        for (FieldDescription field : List.of(field("Id", "id", 18), field("FirstName", "string", 40),
                field("LastName", "string", 80), field("Email", "email", 80), field("Phone", "phone", 40),
                new FieldDescription("AccountId", "reference", 18, true, true, true, false, false, List.of(),
                        List.of("Account")),
                externalId("Stripe_Customer_Id__c"))) {
            fields.put(field.name(), field);
        }
        return new ObjectDescription("Contact", fields);
    }

    static ObjectDescription charge() {
        Map<String, FieldDescription> fields = new LinkedHashMap<>();
        for (FieldDescription field : List.of(field("Id", "id", 18), field("Name", "string", 80),
                externalId("Stripe_Charge_Id__c"), field("Amount__c", "currency", 0),
                field("Currency__c", "string", 3), field("Charged_At__c", "datetime", 0),
                new FieldDescription("Account__c", "reference", 18, true, true, true, false, false, List.of(),
                        List.of("Account")))) {
            fields.put(field.name(), field);
        }
        return new ObjectDescription("Stripe_Charge__c", fields);
    }

    static ObjectDescription invoiceLine() {
        return object("Invoice_Line__c", field("Id", "id", 18), field("Name", "string", 80),
                externalId("Stripe_Line_Id__c"), field("Amount__c", "currency", 0),
                reference("Account__c", "Account"));
    }

    static ObjectDescription lineNote() {
        return object("Line_Note__c", field("Id", "id", 18), field("Text__c", "string", 255),
                reference("Line__c", "Invoice_Line__c"));
    }

    /** A charge.succeeded event around the published charge, the way Stripe posts it to a webhook. */
    static JsonNode chargeSucceeded() {
        var event = JSON.createObjectNode()
                .put("id", "evt_1NG8Du2eZvKYlo2CUI79vXWy")
                .put("object", "event")
                .put("type", "charge.succeeded")
                .put("created", 1686089970);
        event.set("data", read("stripe/event-data-charge.succeeded.json"));
        return event;
    }

    static JsonNode read(String fixture) {
        try {
            return JSON.readTree(Fixtures.text(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectDescription object(String name, FieldDescription... fields) {
        Map<String, FieldDescription> described = new LinkedHashMap<>();
        for (FieldDescription field : fields) {
            described.put(field.name(), field);
        }
        return new ObjectDescription(name, described);
    }

    private static FieldDescription reference(String name, String to) {
        return new FieldDescription(name, "reference", 18, true, true, true, false, false, List.of(), List.of(to));
    }

    private static FieldDescription field(String name, String type, int length) {
        return new FieldDescription(name, type, length, !name.equals("LastName") && !name.equals("Name"), true,
                !name.equals("Id"), false, false, List.of(), List.of());
    }

    private static FieldDescription externalId(String name) {
        return new FieldDescription(name, "string", 255, true, true, true, true, true, List.of(), List.of());
    }
}
