package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.connector.JdkHttpTransport;
import org.openpayloads.api.connector.RecordConnector;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordRef;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/**
 * The Salesforce connector against the embedded org, both ways the engine can reach it: in process (the
 * server's default client) and over real HTTP with a connected app's client credentials.
 */
@Tag("database")
class DefaultOrgTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static RecordClient overHttp;

    enum Path { IN_PROCESS, HTTP }

    @BeforeAll
    static void externalIdFieldAndAConnectedApp() {
        api.admin().body("""
                {"name":"Stripe_Customer_Id__c","label":"Stripe customer id","type":"string","length":255,
                 "externalId":true,"unique":true}
                """).post("/api/v1/org/objects/Account/fields").then().statusCode(201);
        var app = api.admin().body("{\"name\":\"connector test\"}").post("/api/v1/org/connected-apps").then()
                .statusCode(201).extract();
        RecordConnector salesforce = Connectors.load(DefaultOrgTest.class.getClassLoader())
                .require("salesforce", RecordConnector.class);
        overHttp = salesforce.connect(new ConnectorContext(Clock.systemUTC(), new JdkHttpTransport(),
                org.openpayloads.api.connector.ConnectorListener.NONE), Map.of(
                "loginUrl", api.server().server().baseUri().toString(),
                "clientId", app.<String>path("clientId"), "clientSecret", app.<String>path("clientSecret"),
                "lingerMillis", "20"));
    }

    @AfterAll
    static void closeClient() {
        overHttp.close();
    }

    private static RecordClient client(Path path) {
        return path == Path.IN_PROCESS ? api.server().server().defaultOrgClient() : overHttp;
    }

    private static Map<String, Object> account(String customer, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Stripe_Customer_Id__c", customer);
        fields.put("Name", name);
        return fields;
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void upsertsByExternalIdThenUpdatesAndReadsBack(Path path) {
        RecordClient client = client(path);
        String customer = "cus_" + path + "_1";
        RecordResult created = client.write(RecordWrite.upsert("Account", "Stripe_Customer_Id__c",
                account(customer, "Jenny Rosen")));
        assertThat(created.success()).isTrue();
        assertThat(created.created()).isTrue();
        assertThat(created.id()).hasSize(18).startsWith("001");

        RecordResult updated = client.write(RecordWrite.upsert("Account", "Stripe_Customer_Id__c",
                account(customer, "Jenny Rosen-Smith")));
        assertThat(updated.created()).isFalse();
        assertThat(updated.id()).isEqualTo(created.id());

        assertThat(client.findId("Account", "Stripe_Customer_Id__c", customer)).contains(created.id());
        var rows = client.query("SELECT Id, Name FROM Account WHERE Stripe_Customer_Id__c = '" + customer + "'");
        assertThat(rows.totalSize()).isEqualTo(1);
        assertThat(rows.records().get(0)).containsEntry("Name", "Jenny Rosen-Smith");
        if (path == Path.IN_PROCESS) {
            long[] usage = api.server().server().defaultOrg().apiUsage();
            assertThat(usage[0]).as("API calls the org reported in Sforce-Limit-Info").isPositive();
            assertThat(usage[1]).isEqualTo(SalesforceSettings.DEFAULT_DAILY_API_LIMIT);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aHostileLookupValueCannotChangeTheQuery(Path path) {
        RecordClient client = client(path);
        client.write(RecordWrite.upsert("Account", "Stripe_Customer_Id__c", account("cus_" + path + "_h", "Real")));
        for (String hostile : List.of("x' OR Name != '", "\\' OR Name != '", "cus_%", "' OR Id != null OR Name = '")) {
            assertThat(client.findId("Account", "Stripe_Customer_Id__c", hostile)).as(hostile).isEmpty();
        }
        String quoted = "O'Brien \\ \"Ltd\"";
        RecordResult odd = client.write(RecordWrite.upsert("Account", "Stripe_Customer_Id__c",
                account(quoted, "Odd name")));
        assertThat(client.findId("Account", "Stripe_Customer_Id__c", quoted)).contains(odd.id());
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void concurrentWritesAreBatchedAndNeverDuplicateAnExternalId(Path path) {
        RecordClient client = client(path);
        long callsBefore = client.callCount();
        List<CompletableFuture<RecordResult>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String customer = "cus_" + path + "_batch_" + (i % 100);
            results.add(client.submit(RecordWrite.upsert("Account", "Stripe_Customer_Id__c",
                    account(customer, "Customer " + i))));
        }
        assertThat(results.stream().map(CompletableFuture::join)).allMatch(RecordResult::success);
        assertThat(client.callCount() - callsBefore).as("API calls for 400 writes").isLessThanOrEqualTo(8);
        assertThat(client.query("SELECT COUNT() FROM Account WHERE Stripe_Customer_Id__c LIKE 'cus_" + path
                + "_batch_%'").totalSize()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void recordErrorsComeBackPerRecordAndChangeNothing(Path path) {
        RecordClient client = client(path);
        RecordResult missingName = client.write(RecordWrite.upsert("Account", "Stripe_Customer_Id__c",
                Map.of("Stripe_Customer_Id__c", "cus_" + path + "_noname")));
        assertThat(missingName.success()).isFalse();
        assertThat(missingName.errors().get(0).code()).isEqualTo("REQUIRED_FIELD_MISSING");
        RecordResult unknownField = client.write(RecordWrite.insert("Account", Map.of("Name", "x", "Nope__c", 1)));
        assertThat(unknownField.errors().get(0).code()).isEqualTo("INVALID_FIELD");
        assertThat(client.findId("Account", "Stripe_Customer_Id__c", "cus_" + path + "_noname")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void describeShowsTheCustomExternalId(Path path) {
        FieldDescription field = client(path).describe("Account").field("Stripe_Customer_Id__c").orElseThrow();
        assertThat(field.externalId()).isTrue();
        assertThat(field.type()).isEqualTo("string");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void anAtomicGroupKeepsEveryWriteWithReferencesOrNone(Path path) {
        RecordClient client = client(path);
        String customer = "cus_" + path + "_atomic";
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("LastName", "Rosen");
        contact.put("AccountId", new RecordRef(0));

        List<RecordResult> kept = client.writeAtomically(List.of(
                RecordWrite.upsert("Account", "Stripe_Customer_Id__c", account(customer, "Atomic")),
                RecordWrite.insert("Contact", contact)));
        List<RecordResult> again = client.writeAtomically(List.of(
                RecordWrite.upsert("Account", "Stripe_Customer_Id__c", account(customer, "Atomic again"))));
        List<RecordResult> undone = client.writeAtomically(List.of(
                RecordWrite.upsert("Account", "Stripe_Customer_Id__c", account(customer + "_2", "Undone")),
                RecordWrite.insert("Contact", Map.of("FirstName", "no last name"))));

        assertThat(client.maxAtomicWrites()).isEqualTo(25);
        assertThat(kept).allMatch(RecordResult::success);
        assertThat(kept.get(0).created()).isTrue();
        assertThat(again.get(0)).isEqualTo(RecordResult.ok(kept.get(0).id(), false));
        assertThat(client.query("SELECT AccountId FROM Contact WHERE Id = '" + kept.get(1).id() + "'").records())
                .singleElement().satisfies(row -> assertThat(row).containsEntry("AccountId", kept.get(0).id()));
        assertThat(undone.get(0).errors().get(0).code()).isEqualTo("PROCESSING_HALTED");
        assertThat(undone.get(1).errors().get(0).code()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(client.findId("Account", "Stripe_Customer_Id__c", customer + "_2")).isEmpty();
    }
}
