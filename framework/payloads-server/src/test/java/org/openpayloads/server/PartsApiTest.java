package org.openpayloads.server;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Elements, targets and sources addressed on their own, under their payload. */
@Tag("database")
class PartsApiTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final String CHARGE = "/api/v1/integrations/stripe/payloads/charge";

    @BeforeAll
    static void stripeChargePayload() {
        api.admin().body(Samples.integration("stripe")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/stripe/credentials")
                .then().statusCode(201);
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().body(Samples.accountsPayload()).post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
    }

    @Test
    void elementsAreReadAndReplacedAsATree() {
        api.admin().get(CHARGE + "/elements").then().statusCode(200).body("items.name", contains("id", "data"));
        api.admin().body("""
                [{"name":"type","path":"$.type"},{"name":"data","path":"$.data","dataType":"OBJECT","children":[
                  {"name":"amount","path":"$.data.object.amount","dataType":"INTEGER"}]}]
                """).put(CHARGE + "/elements").then().statusCode(200)
                .body("items.name", contains("type", "data")).body("items[1].children[0].dataType", equalTo("INTEGER"));
        api.admin().body("[{\"name\":\"bad\",\"path\":\"$.data\",\"children\":[{\"name\":\"x\",\"path\":\"$.other\"}]}]")
                .put(CHARGE + "/elements").then().statusCode(422)
                .body("error.fields[0].field", equalTo("elements[0].children[0].path"))
                .body("error.fields[0].message", containsString("not under its parent"));
    }

    @Test
    void targetsHaveTheirOwnCrud() {
        String task = """
                {"apiName":"task","label":"Follow up","order":30,"object":"Task","operation":"INSERT",
                 "mappings":[{"field":"Subject","sourceType":"STATIC","value":"Call the customer"}]}
                """;
        api.admin().body(task).post(CHARGE + "/targets").then().statusCode(201)
                .header("Location", endsWith(CHARGE + "/targets/task")).body("object", equalTo("Task"));
        api.admin().get(CHARGE + "/targets").then().body("items.apiName", contains("account", "contact", "task"));
        api.admin().get(CHARGE + "/targets/task").then().statusCode(200).body("mappings[0].value",
                equalTo("Call the customer"));
        api.admin().body("{\"label\":\"Follow-up task\"}").patch(CHARGE + "/targets/task").then().statusCode(200)
                .body("label", equalTo("Follow-up task")).body("mappings", hasSize(1));
        api.admin().body(task.replace("INSERT", "UPSERT")).put(CHARGE + "/targets/task").then().statusCode(422)
                .body("error.fields[0].field", equalTo("externalIdField"));
        api.admin().body(task).post(CHARGE + "/targets").then().statusCode(409);
        api.admin().delete(CHARGE + "/targets/task").then().statusCode(204);
        api.admin().get(CHARGE + "/targets/task").then().statusCode(404);
        api.admin().delete(CHARGE + "/targets/account").then().statusCode(422)
                .body("error.fields[0].message", containsString("'account' is not an earlier target"));
    }

    @Test
    void sourcesHaveTheirOwnCrud() {
        String accounts = "/api/v1/integrations/stripe/payloads/accounts";
        String contacts = """
                {"apiName":"contacts","label":"Contacts","order":2,"object":"Contact",
                 "mappings":[{"field":"$.email","sourceType":"FIELD","value":"Email"}]}
                """;
        api.admin().body(contacts).post(accounts + "/sources").then().statusCode(201)
                .header("Location", endsWith(accounts + "/sources/contacts"));
        api.admin().get(accounts + "/sources").then().body("items.apiName", contains("accounts", "contacts"));
        api.admin().body("{\"filter\":\"Email != null\"}").patch(accounts + "/sources/contacts").then()
                .statusCode(200).body("filter", equalTo("Email != null"));
        api.admin().body("{\"query\":\"DELETE FROM Contact\"}").patch(accounts + "/sources/contacts").then()
                .statusCode(422).body("error.fields.field", contains("query", "query"));
        api.admin().delete(accounts + "/sources/contacts").then().statusCode(204);
        api.admin().get(accounts + "/sources/contacts").then().statusCode(404);
        api.admin().body(contacts).post(CHARGE + "/sources").then().statusCode(422)
                .body("error.fields[0].field", equalTo("sources"));
    }
}
