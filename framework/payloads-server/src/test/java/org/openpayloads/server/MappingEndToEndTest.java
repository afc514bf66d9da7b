package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.engine.mapping.MappingResult;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.testkit.Fixtures;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.json.ApiJson;

/**
 * The mapping engine in the real server, writing to the embedded org: a Stripe charge event (JSON) to an Account
 * and its Contact, a form-encoded signup to a Lead, and an XML order to an Account with one Task per line. Each
 * is previewed over HTTP first, and the preview must be exactly what the real run then does.
 */
@Tag("database")
class MappingEndToEndTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "cus_0dUMWLtzCTagWs";

    @BeforeAll
    static void customFieldsAndPayloads() {
        field("Account", """
                {"name":"Stripe_Customer_Id__c","label":"Stripe customer","type":"string","length":255,
                 "externalId":true,"unique":true}""");
        field("Account", """
                {"name":"Last_Charge_Date__c","label":"Last charge","type":"date"}""");
        field("Account", """
                {"name":"Last_Charge_Amount__c","label":"Last amount","type":"currency","precision":18,"scale":2}""");
        field("Account", """
                {"name":"Card_Brand__c","label":"Card brand","type":"picklist","length":40,
                 "picklistValues":["Visa","Mastercard","Other"]}""");
        field("Contact", """
                {"name":"Stripe_Customer_Id__c","label":"Stripe customer","type":"string","length":255,
                 "externalId":true,"unique":true}""");
        api.admin().body("{\"apiName\":\"shop\",\"label\":\"Shop\"}").post("/api/v1/integrations")
                .then().statusCode(201);
        payload("""
                {"apiName":"charge","label":"Stripe charge","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",
                 "targets":[
                  {"apiName":"account","object":"Account","operation":"UPSERT","order":10,
                   "externalIdField":"Stripe_Customer_Id__c",
                   "mappings":[
                    {"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.data.object.customer"},
                    {"field":"Name","sourceType":"EXPRESSION",
                     "value":"coalesce($.data.object.billing_details.name, $.data.object.customer)"},
                    {"field":"Description","sourceType":"ELEMENT","value":"$.data.object.description"},
                    {"field":"Last_Charge_Amount__c","sourceType":"EXPRESSION",
                     "value":"minorToDecimal($.data.object.amount, $.data.object.currency)"},
                    {"field":"Last_Charge_Date__c","sourceType":"ELEMENT","value":"$.data.object.created"},
                    {"field":"Card_Brand__c","sourceType":"ELEMENT",
                     "value":"$.data.object.payment_method_details.card.brand",
                     "valueMap":{"visa":"Visa","mastercard":"Mastercard"},"defaultValue":"Other"}]},
                  {"apiName":"contact","object":"Contact","operation":"UPSERT","order":20,
                   "externalIdField":"Stripe_Customer_Id__c",
                   "mappings":[
                    {"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.data.object.customer"},
                    {"field":"LastName","sourceType":"EXPRESSION",
                     "value":"coalesce($.data.object.billing_details.name, 'Stripe customer')"},
                    {"field":"AccountId","sourceType":"TARGET_RESULT","reference":"account"}]}]}""");
        payload("""
                {"apiName":"signup","label":"Signup form","direction":"INBOUND","kind":"API_PUSH",
                 "contentType":"FORM_URL_ENCODED",
                 "targets":[
                  {"apiName":"lead","object":"Lead","operation":"CREATE_IF_MISSING","matchFields":["Email"],
                   "whenPresent":"UPDATE",
                   "mappings":[
                    {"field":"Email","sourceType":"EXPRESSION","value":"lower($.contact.email)"},
                    {"field":"FirstName","sourceType":"ELEMENT","value":"$.contact.first_name"},
                    {"field":"LastName","sourceType":"ELEMENT","value":"$.contact.last_name"},
                    {"field":"Company","sourceType":"ELEMENT","value":"$.company"},
                    {"field":"Status","sourceType":"STATIC","value":"Open - Not Contacted"},
                    {"field":"Description","sourceType":"EXPRESSION","value":"join($.interests, ', ')"}]}]}""");
        payload("""
                {"apiName":"order","label":"XML order","direction":"INBOUND","kind":"API_PUSH","contentType":"XML",
                 "targets":[
                  {"apiName":"account","object":"Account","operation":"CREATE_IF_MISSING","order":10,
                   "matchFields":["Name"],"whenPresent":"SKIP",
                   "mappings":[{"field":"Name","sourceType":"ELEMENT","value":"$.order.customer"}]},
                  {"apiName":"lines","object":"Task","operation":"INSERT","order":20,"repeatPath":"$.order.line",
                   "mappings":[
                    {"field":"Subject","sourceType":"EXPRESSION",
                     "value":"concat(@['@qty'], ' x ', @['#text'], ' (', @['@sku'], ')')"},
                    {"field":"WhatId","sourceType":"TARGET_RESULT","reference":"account"}]}]}""");
        payload("""
                {"apiName":"follow-up","label":"XML follow-up","direction":"INBOUND","kind":"API_PUSH",
                 "contentType":"XML",
                 "targets":[
                  {"apiName":"task","object":"Task","operation":"INSERT",
                   "mappings":[
                    {"field":"Subject","sourceType":"ELEMENT","value":"$.followUp.note"},
                    {"field":"WhatId","sourceType":"LOOKUP","reference":"Account","value":"$.followUp.customer",
                     "lookupMatchField":"Name"}]}]}""");
    }

    @Test
    void aStripeChargeUpsertsTheAccountThenTheContactExactlyAsPreviewed() throws Exception {
        ObjectNode event = JSON.createObjectNode().put("id", "evt_1").put("type", "charge.succeeded");
        event.set("data", JSON.readTree(Fixtures.text("stripe/event-data-charge.succeeded.json")));
        byte[] body = JSON.writeValueAsBytes(event);

        JsonNode preview = preview("charge", "application/json", new String(body, StandardCharsets.UTF_8));
        MappingResult run = api.server().server().mapping().run("shop", "charge", body, "application/json");

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        String accountId = run.results().get(0).recordId();
        assertThat(preview.at("/operations/1/fields/AccountId").asText()).isEqualTo("{account.id}");
        ((ObjectNode) preview.at("/operations/1/fields")).put("AccountId", accountId);
        assertThat(preview.get("operations")).isEqualTo(operations(run));

        Map<String, Object> account = one("SELECT Id, Name, Last_Charge_Amount__c, Last_Charge_Date__c, Card_Brand__c"
                + " FROM Account WHERE Stripe_Customer_Id__c = '" + CUSTOMER + "'");
        assertThat(account).containsEntry("Id", accountId).containsEntry("Name", CUSTOMER)
                .containsEntry("Last_Charge_Date__c", "2012-10-29").containsEntry("Card_Brand__c", "Visa");
        assertThat(new java.math.BigDecimal(account.get("Last_Charge_Amount__c").toString())).isEqualByComparingTo("5");
        assertThat(one("SELECT AccountId FROM Contact WHERE Stripe_Customer_Id__c = '" + CUSTOMER + "'"))
                .containsEntry("AccountId", accountId);

        MappingResult again = api.server().server().mapping().run("shop", "charge", body, "application/json");
        assertThat(again.results()).extracting(r -> r.created()).containsExactly(false, false);
        assertThat(org().query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = '" + CUSTOMER + "'").records())
                .hasSize(1);
    }

    @Test
    void aFormSignupCreatesTheLeadOnceThenUpdatesIt() throws Exception {
        String form = "contact[first_name]=Ada&contact[last_name]=Lovelace&contact[email]=ADA%40Example.com"
                + "&company=Analytical+Engines&interests[]=looms&interests[]=numbers";

        JsonNode preview = preview("signup", "application/x-www-form-urlencoded", form);
        MappingResult run = api.server().server().mapping().run("shop", "signup",
                form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");

        assertThat(run.status()).as(run.results().toString()).isEqualTo(JobStatus.COMPLETED);
        assertThat(preview.at("/operations/0/action").asText()).isEqualTo("INSERT");
        assertThat(preview.get("operations")).isEqualTo(operations(run));
        assertThat(one("SELECT FirstName, Company, Description FROM Lead WHERE Email = 'ada@example.com'"))
                .containsEntry("FirstName", "Ada").containsEntry("Company", "Analytical Engines")
                .containsEntry("Description", "looms, numbers");

        JsonNode second = preview("signup", "application/x-www-form-urlencoded", form.replace("Ada&", "Augusta&"));
        assertThat(second.at("/operations/0/action").asText()).isEqualTo("UPDATE");
        assertThat(second.at("/operations/0/recordId").asText()).isEqualTo(run.results().get(0).recordId());
    }

    @Test
    void anXmlOrderMakesOneTaskPerLineLinkedToItsAccountAndALaterNoteFindsTheAccountByLookup() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <order id="A-1"><customer>Northern Trail Outfitters</customer>
                  <line sku="X1" qty="2">Tent</line><line sku="X2" qty="1">Stove</line></order>""";

        JsonNode preview = preview("order", "application/xml", xml);
        MappingResult run = run("order", "application/xml", xml);

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        String accountId = run.results().get(0).recordId();
        assertThat(preview.at("/operations/1/fields/WhatId").asText()).isEqualTo("{account.id}");
        ((ObjectNode) preview.at("/operations/1/fields")).put("WhatId", accountId);
        ((ObjectNode) preview.at("/operations/2/fields")).put("WhatId", accountId);
        assertThat(preview.get("operations")).isEqualTo(operations(run));
        assertThat(org().query("SELECT Subject FROM Task WHERE WhatId = '" + accountId + "'").records())
                .extracting(r -> r.get("Subject")).containsExactlyInAnyOrder("2 x Tent (X1)", "1 x Stove (X2)");
        MappingResult again = run("order", "application/xml", xml);
        assertThat(again.operations().get(0).action().name()).isEqualTo("SKIP");
        assertThat(again.operations().get(0).recordId()).isEqualTo(accountId);

        String note = "<followUp><customer>Northern Trail Outfitters</customer><note>Call back</note></followUp>";
        JsonNode lookedUp = preview("follow-up", "application/xml", note);
        MappingResult followUp = run("follow-up", "application/xml", note);

        assertThat(lookedUp.at("/lookups/0/result").asText()).isEqualTo(accountId);
        assertThat(followUp.lookups()).singleElement().satisfies(l -> assertThat(l.result()).isEqualTo(accountId));
        assertThat(lookedUp.get("operations")).isEqualTo(operations(followUp));
    }

    @Test
    void withoutPartialSuccessARecordTheOrgRefusesKeepsNoneOfTheJobsWrites() {
        payload("""
                {"apiName":"undo","label":"Undo","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",
                 "targets":[{"apiName":"account","object":"Account","operation":"UPSERT","order":10,
                   "externalIdField":"Stripe_Customer_Id__c",
                   "mappings":[{"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.customer"},
                               {"field":"Name","sourceType":"STATIC","value":"Not kept"}]},
                  {"apiName":"contact","object":"Contact","operation":"INSERT","order":20,
                   "mappings":[{"field":"FirstName","sourceType":"ELEMENT","value":"$.name"},
                               {"field":"LastName","sourceType":"ELEMENT","value":"$.surname"},
                               {"field":"AccountId","sourceType":"TARGET_RESULT","reference":"account"}]}]}""");

        MappingResult refused = run("undo", "application/json", "{\"customer\":\"cus_undo\",\"name\":\"Ada\"}");

        assertThat(refused.status()).isEqualTo(JobStatus.FAILED);
        assertThat(refused.results()).extracting(r -> r.errorCode()).containsExactly("ROLLED_BACK",
                "REQUIRED_FIELD_MISSING");
        assertThat(org().query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'cus_undo'").records()).isEmpty();
    }

    @Test
    void withoutPartialSuccessAValueThatCannotBeCoercedMeansNothingIsWritten() {
        field("Contact", """
                {"name":"Note__c","label":"Note","type":"string","length":5}""");
        payload("""
                {"apiName":"too-long","label":"Too long","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",
                 "targets":[{"apiName":"account","object":"Account","operation":"INSERT","order":10,
                   "mappings":[{"field":"Name","sourceType":"STATIC","value":"Never written"}]},
                  {"apiName":"contact","object":"Contact","operation":"INSERT","order":20,
                   "mappings":[{"field":"LastName","sourceType":"STATIC","value":"Smith"},
                               {"field":"Note__c","sourceType":"ELEMENT","value":"$.note"},
                               {"field":"AccountId","sourceType":"TARGET_RESULT","reference":"account"}]}]}""");

        MappingResult run = run("too-long", "application/json", "{\"note\":\"much too long\"}");

        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertThat(run.results()).extracting(r -> r.errorCode()).containsExactly("NOT_WRITTEN", "INVALID_VALUE");
        assertThat(run.results().get(1).message()).contains("Note__c", "$.note", "much too long");
        assertThat(org().query("SELECT Id FROM Account WHERE Name = 'Never written'").records()).isEmpty();
    }

    private static MappingResult run(String payload, String contentType, String body) {
        return api.server().server().mapping().run("shop", payload, body.getBytes(StandardCharsets.UTF_8),
                contentType);
    }

    private static JsonNode preview(String payload, String contentType, String body) throws Exception {
        String answer = api.admin().body(Map.of("contentType", contentType, "body", body))
                .post("/api/v1/integrations/shop/payloads/" + payload + "/preview")
                .then().log().ifValidationFails().statusCode(200).extract().asString();
        return JSON.readTree(answer);
    }

    /** The run's operations as the preview endpoint shows operations. */
    private static JsonNode operations(MappingResult run) throws Exception {
        ObjectMapper api = ApiJson.newMapper();
        return JSON.readTree(api.writeValueAsString(OutputMapper.preview(run))).get("operations");
    }

    private static Map<String, Object> one(String soql) {
        List<Map<String, Object>> records = org().query(soql).records();
        assertThat(records).as(soql).hasSize(1);
        return records.get(0);
    }

    private static RecordClient org() {
        return api.server().server().defaultOrgClient();
    }

    private static void field(String object, String json) {
        api.admin().body(json).post("/api/v1/org/objects/" + object + "/fields").then().log().ifValidationFails()
                .statusCode(201);
    }

    private static void payload(String json) {
        api.admin().body(json).post("/api/v1/integrations/shop/payloads").then().log().ifValidationFails()
                .statusCode(201);
    }
}
