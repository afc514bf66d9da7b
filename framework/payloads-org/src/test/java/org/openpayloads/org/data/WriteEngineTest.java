package org.openpayloads.org.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgResponse;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;
import org.openpayloads.org.schema.FieldSpec;

/** Batches of writes: races between writers of one external id, and the rate of bulk upserts. */
@Tag("database")
class WriteEngineTest {

    private static final String UPSERT = OrgTesting.BASE + "/composite/sobjects/Account/Ext_Id__c";
    private static OpenOrg org;

    @BeforeAll
    static void open() {
        org = OpenOrg.create();
        org.org.schema().createField("Account", FieldSpec.of("Ext_Id__c", "string").withExternalId().withLength(40));
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static String collection(String prefix, int from, int count, String extra) {
        StringBuilder body = new StringBuilder("{\"allOrNone\": false, \"records\": [");
        for (int i = from; i < from + count; i++) {
            body.append(i > from ? "," : "").append("{\"attributes\": {\"type\": \"Account\"}, \"Ext_Id__c\": \"")
                    .append(prefix).append(i).append("\", \"Name\": \"Account ").append(i).append(extra)
                    .append("\", \"AnnualRevenue\": ").append(i * 10).append("}");
        }
        return body.append("]}").toString();
    }

    private static long count(String prefix) {
        return org.json("GET", OrgTesting.BASE + "/query?q=SELECT+COUNT()+FROM+Account+WHERE+Ext_Id__c+LIKE+'"
                + prefix + "%25'", "").get("totalSize").asLong();
    }

    @Test
    void concurrentUpsertsOfTheSameExternalIdsMakeEachRecordOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                String prefix = "race" + round + "-";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<OrgResponse>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String body = collection(prefix, 0, 50, " by " + t);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return org.call("PATCH", UPSERT, body);
                    }));
                }
                start.countDown();
                int created = 0;
                for (Future<OrgResponse> answer : answers) {
                    OrgResponse response = answer.get(120, TimeUnit.SECONDS);
                    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
                    for (JsonNode result : OrgTesting.parse(response.bodyText())) {
                        assertThat(result.get("success").asBoolean()).as(result.toString()).isTrue();
                        created += result.get("created").asBoolean() ? 1 : 0;
                    }
                }
                assertThat(created).isEqualTo(50);
                assertThat(count(prefix)).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenThousandUpsertsInCollectionsOf200() {
        int total = 10_000;
        long started = System.nanoTime();
        for (int from = 0; from < total; from += 200) {
            OrgResponse response = org.call("PATCH", UPSERT, collection("rate-", from, 200, ""));
            assertThat(response.status()).isEqualTo(200);
        }
        double createSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        for (int from = 0; from < total; from += 200) {
            OrgResponse response = org.call("PATCH", UPSERT, collection("rate-", from, 200, " again"));
            assertThat(response.bodyText()).doesNotContain("\"success\":false");
        }
        double updateSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("REPORT upsert rate on %s: %d creates in %.2f s = %.0f records/s; %d updates in %.2f s = "
                + "%.0f records/s%n", org.database.kind(), total, createSeconds, total / createSeconds, total,
                updateSeconds, total / updateSeconds);
        assertThat(count("rate-")).isEqualTo(total);
    }

    @Test
    void mixedResultsWithoutAllOrNoneAndNothingWrittenWithIt() {
        String body = """
                {"allOrNone": %s, "records": [
                  {"attributes": {"type": "Account"}, "Ext_Id__c": "mix-1", "Name": "Good"},
                  {"attributes": {"type": "Account"}, "Ext_Id__c": "mix-2"},
                  {"attributes": {"type": "Account"}, "Ext_Id__c": "mix-3", "Name": "Fine", "Rating": 5},
                  {"attributes": {"type": "Account"}, "Name": "No key"}
                ]}""";
        JsonNode all = OrgTesting.parse(org.call("PATCH", UPSERT, body.formatted("true")).bodyText());
        assertThat(all.findValuesAsText("statusCode")).containsExactly("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "REQUIRED_FIELD_MISSING", "ALL_OR_NONE_OPERATION_ROLLED_BACK", "MISSING_ARGUMENT");
        assertThat(count("mix-")).isZero();
        JsonNode some = OrgTesting.parse(org.call("PATCH", UPSERT, body.formatted("false")).bodyText());
        assertThat(some.get(0).get("success").asBoolean()).isTrue();
        assertThat(some.get(0).get("created").asBoolean()).isTrue();
        assertThat(some.get(1).at("/errors/0/statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(some.get(1).at("/errors/0/fields/0").asText()).isEqualTo("Name");
        assertThat(some.get(2).get("success").asBoolean()).isTrue();
        assertThat(some.get(3).at("/errors/0/message").asText()).isEqualTo("Ext_Id__c not specified");
        assertThat(count("mix-")).isEqualTo(2);
    }

    @Test
    void theSameExternalIdTwiceInOneCollectionFailsBoth() {
        String body = "{\"records\": [{\"Ext_Id__c\": \"dup-1\", \"Name\": \"A\"}, {\"Ext_Id__c\": \"DUP-1\", "
                + "\"Name\": \"B\"}, {\"Ext_Id__c\": \"dup-2\", \"Name\": \"C\"}]}";
        JsonNode results = OrgTesting.parse(org.call("PATCH", UPSERT, body).bodyText());
        assertThat(results.get(0).at("/errors/0/statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(results.get(1).at("/errors/0/statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(results.get(2).get("success").asBoolean()).isTrue();
    }

    @Test
    void theIndexFollowsAChangedExternalIdAndStaysForAnUnchangedOne() {
        String one = "{\"records\": [{\"attributes\": {\"type\": \"Account\"}, \"Ext_Id__c\": \"move-1\", "
                + "\"Name\": \"%s\"}]}";
        JsonNode made = OrgTesting.parse(org.call("PATCH", UPSERT, one.formatted("First")).bodyText()).get(0);
        assertThat(made.get("created").asBoolean()).isTrue();
        String id = made.get("id").asText();
        // The same key again: an update, found by the key it had.
        JsonNode updated = OrgTesting.parse(org.call("PATCH", UPSERT, one.formatted("Second")).bodyText()).get(0);
        assertThat(updated.get("created").asBoolean()).isFalse();
        assertThat(updated.get("id").asText()).isEqualTo(id);
        assertThat(names("move-1")).containsExactly("Second");

        // The record takes another key: the old one is free, the new one finds it.
        assertThat(org.call("PATCH", OrgTesting.BASE + "/sobjects/Account/" + id, "{\"Ext_Id__c\": \"Move-2\"}")
                .status()).isEqualTo(204);
        assertThat(names("move-1")).isEmpty();
        assertThat(names("move-2")).containsExactly("Second");
        JsonNode byNewKey = OrgTesting.parse(org.call("PATCH", UPSERT, one.replace("move-1", "MOVE-2")
                .formatted("Third")).bodyText()).get(0);
        assertThat(byNewKey.get("id").asText()).isEqualTo(id);
        JsonNode byOldKey = OrgTesting.parse(org.call("PATCH", UPSERT, one.formatted("Fourth")).bodyText()).get(0);
        assertThat(byOldKey.get("created").asBoolean()).isTrue();
        assertThat(byOldKey.get("id").asText()).isNotEqualTo(id);

        // The moved key is still unique.
        JsonNode taken = org.json("PATCH", OrgTesting.BASE + "/sobjects/Account/" + byOldKey.get("id").asText(),
                "{\"Ext_Id__c\": \"move-2\"}");
        assertThat(taken.at("/0/errorCode").asText()).isEqualTo("DUPLICATE_VALUE");
        // Cleared: no key at all.
        assertThat(org.call("PATCH", OrgTesting.BASE + "/sobjects/Account/" + id, "{\"Ext_Id__c\": null}")
                .status()).isEqualTo(204);
        assertThat(names("move-2")).isEmpty();
    }

    private static List<String> names(String externalId) {
        List<String> names = new ArrayList<>();
        org.json("GET", OrgTesting.BASE + "/query?q=SELECT+Name+FROM+Account+WHERE+Ext_Id__c+%3D+'" + externalId
                + "'", "").get("records").forEach(record -> names.add(record.get("Name").asText()));
        return names;
    }
}
