package org.openpayloads.bench.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.testkit.Fixtures;
import org.openpayloads.testkit.InMemoryRecordClient;

/**
 * The benchmark's case: Stripe's {@code charge.succeeded} event (the shared fixture, in the envelope Stripe posts
 * to a webhook) upserted as an Account by {@code Stripe_Customer_Id__c}, with 12 mapped fields. The Account is the
 * published describe plus the custom fields declared here.
 */
final class ChargeToAccount {

    static final String INTEGRATION = "stripe";
    static final String OBJECT = "Account";
    static final String EXTERNAL_ID = "Stripe_Customer_Id__c";

    /** Card brands as Stripe writes them, to the Account's picklist values. */
    static final Map<String, String> BRANDS = Map.of("visa", "Visa", "mastercard", "Mastercard",
            "amex", "American Express", "discover", "Discover");
    static final String OTHER_BRAND = "Other";
    static final List<String> BRAND_PICKLIST = List.of("Visa", "Mastercard", "American Express", "Discover",
            OTHER_BRAND);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChargeToAccount() {
    }

    /** The event as Stripe posts it: pretty-printed UTF-8 JSON. */
    static byte[] eventBytes() {
        ObjectNode event = JSON.createObjectNode()
                .put("id", "evt_1NG8Du2eZvKYlo2CUI79vXWy")
                .put("object", "event")
                .put("api_version", "2023-10-16")
                .put("type", "charge.succeeded")
                .put("created", 1686089970)
                .put("livemode", false);
        event.set("data", read("stripe/event-data-charge.succeeded.json"));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published Account describe, plus the custom fields the mapping writes. */
    static ObjectDescription account() {
        ObjectDescription published = InMemoryRecordClient.describe(
                read("salesforce/describe-account.json"));
        Map<String, FieldDescription> fields = new LinkedHashMap<>(published.fields());
        for (FieldDescription field : List.of(
                new FieldDescription(EXTERNAL_ID, "string", 255, true, true, true, true, true, List.of(), List.of()),
                custom("Last_Charge_Amount__c", "currency", 0, List.of()),
                custom("Last_Charge_Date__c", "date", 0, List.of()),
                custom("Last_Charge_Currency__c", "string", 3, List.of()),
                custom("Card_Brand__c", "picklist", 40, BRAND_PICKLIST),
                custom("Last_Receipt_Url__c", "url", 255, List.of()),
                custom("Last_Receipt_Number__c", "string", 40, List.of()),
                custom("Livemode__c", "boolean", 0, List.of()),
                custom("Last_Charge_Paid__c", "boolean", 0, List.of()))) {
            fields.put(field.name(), field);
        }
        return new ObjectDescription(OBJECT, fields);
    }

    /**
     * The payload: one UPSERT of Account with 12 mappings, 7 straight from elements and 5 through expressions,
     * covering an amount in minor units, an epoch date, a value map into a picklist, a URL and booleans. The
     * expressions read 7 more paths, so the plan compiles 14.
     */
    static Payload payload() {
        Target account = new Target("account", "Account", 1, OBJECT, Operation.UPSERT, EXTERNAL_ID, List.of(), null,
                null, null, List.of(
                FieldMapping.element(EXTERNAL_ID, "$.data.object.customer"),
                expression("Name", "coalesce($.data.object.billing_details.name, $.data.object.customer)"),
                FieldMapping.element("Description", "$.data.object.description"),
                expression("Last_Charge_Amount__c", "minorToDecimal($.data.object.amount, $.data.object.currency)"),
                FieldMapping.element("Last_Charge_Date__c", "$.data.object.created"),
                expression("Last_Charge_Currency__c", "upper($.data.object.currency)"),
                new FieldMapping("Card_Brand__c", ValueSourceType.ELEMENT,
                        "$.data.object.payment_method_details.card.brand", null, null, null, NullRule.IGNORE, BRANDS,
                        OTHER_BRAND),
                FieldMapping.element("Last_Receipt_Url__c", "$.data.object.receipt_url"),
                expression("Last_Receipt_Number__c",
                        "coalesce($.data.object.statement_descriptor, $.data.object.receipt_number)"),
                expression("BillingCountry", "coalesce($.data.object.billing_details.address.country, "
                        + "$.data.object.payment_method_details.card.country)"),
                FieldMapping.element("Livemode__c", "$.data.object.livemode"),
                FieldMapping.element("Last_Charge_Paid__c", "$.data.object.paid")));
        return new Payload("charge_succeeded", "Stripe charge.succeeded", null, Direction.INBOUND,
                PayloadKind.API_PUSH, ContentType.JSON, false, true, null, null, null, false, null, List.of(), null,
                null, null, List.of(), List.of(account), List.of(), null);
    }

    private static FieldMapping expression(String field, String expression) {
        return new FieldMapping(field, ValueSourceType.EXPRESSION, expression, null, null, null, NullRule.IGNORE,
                Map.of(), null);
    }

    private static FieldDescription custom(String name, String type, int length, List<String> picklist) {
        return new FieldDescription(name, type, length, true, true, true, false, false, picklist, List.of());
    }

    private static JsonNode read(String fixture) {
        try {
            return JSON.readTree(Fixtures.bytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse fixture " + fixture, e);
        }
    }
}
