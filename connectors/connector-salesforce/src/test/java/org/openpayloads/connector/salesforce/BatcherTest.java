package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/** How writes from many callers are grouped into requests. */
class BatcherTest {

    private static final String COLLECTIONS = DATA + "/composite/sobjects";

    private final OrgStub org = new OrgStub();

    @BeforeEach
    void start() {
        org.tokenOk();
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(aResponse().withTransformers(CollectionsEcho.NAME)));
        org.server.stubFor(post(urlMatching(DATA + "/sobjects/\\w+")).willReturn(fixtureAnswer(201, "sobject-create-success.json")));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void concurrentWritesGoInFullCollectionsAndEachCallerGetsItsOwnResult() throws Exception {
        int n = 450;
        List<CompletableFuture<RecordResult>> futures;
        try (SalesforceClient client = org.connect("lingerMillis", "300")) {
            futures = submitConcurrently(client, n, i -> RecordWrite.insert("Account", Map.of("Name", (i % 50 == 7 ? "fail" : "r") + i)));
            for (int i = 0; i < n; i++) {
                RecordResult result = futures.get(i).join();
                if (i % 50 == 7) {
                    assertThat(result.success()).as("write %d", i).isFalse();
                } else {
                    assertThat(result.id()).as("write %d", i).isEqualTo("id-r" + i);
                }
            }
            assertThat(client.callCount()).isEqualTo(1 + 3);
        }
        List<LoggedRequest> batches = org.server.findAll(postRequestedFor(urlEqualTo(COLLECTIONS)));
        assertThat(batches).hasSize((n + 199) / 200);
        assertThat(batches).extracting(r -> Json.tree(r.getBody()).path("records").size())
                .containsExactlyInAnyOrder(200, 200, 50);
        org.server.verify(0, postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")));
    }

    @Test
    void aLoneWriteUsesTheSingleRecordEndpoint() {
        try (SalesforceClient client = org.connect()) {
            assertThat(client.write(RecordWrite.insert("Account", Map.of("Name", "solo"))).id()).isEqualTo("some_id");
        }
        org.server.verify(1, postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")));
        org.server.verify(0, postRequestedFor(urlEqualTo(COLLECTIONS)));
    }

    @Test
    void differentObjectsGoInDifferentBatches() {
        try (SalesforceClient client = org.connect("lingerMillis", "300")) {
            List<CompletableFuture<RecordResult>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(client.submit(RecordWrite.insert("Account", Map.of("Name", "a" + i))));
                futures.add(client.submit(RecordWrite.insert("Contact", Map.of("Name", "c" + i))));
            }
            futures.forEach(CompletableFuture::join);
        }
        assertThat(org.server.findAll(postRequestedFor(urlEqualTo(COLLECTIONS))))
                .extracting(r -> Json.tree(r.getBody()).path("records").get(0).path("attributes").path("type").asText())
                .containsExactlyInAnyOrder("Account", "Contact");
    }

    @Test
    void twoWritesToOneRecordNeverShareARequest() {
        org.server.stubFor(patch(urlMatching(DATA + "/sobjects/Account/\\w+")).willReturn(aResponse().withStatus(204)));
        try (SalesforceClient client = org.connect("lingerMillis", "300")) {
            CompletableFuture<RecordResult> first = client.submit(RecordWrite.update("Account", "001A", Map.of("Name", "1")));
            CompletableFuture<RecordResult> second = client.submit(RecordWrite.update("Account", "001A", Map.of("Name", "2")));
            assertThat(first.join().success()).isTrue();
            assertThat(second.join().success()).isTrue();
        }
        org.server.verify(2, patchRequestedFor(urlEqualTo(DATA + "/sobjects/Account/001A")));
        org.server.verify(0, patchRequestedFor(urlEqualTo(COLLECTIONS)));
    }

    @Test
    void batchSizeIsConfigurable() {
        try (SalesforceClient client = org.connect("batchSize", "2", "lingerMillis", "300")) {
            List<CompletableFuture<RecordResult>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(client.submit(RecordWrite.insert("Account", Map.of("Name", "r" + i))));
            }
            futures.forEach(CompletableFuture::join);
        }
        org.server.verify(2, postRequestedFor(urlEqualTo(COLLECTIONS)));
        org.server.verify(1, postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")));
    }

    @Test
    void closeSendsWhatIsHeldBackWithoutWaitingOutTheLinger() {
        long started = System.nanoTime();
        List<CompletableFuture<RecordResult>> futures = new ArrayList<>();
        SalesforceClient client = org.connect("lingerMillis", "10000");
        for (int i = 0; i < 3; i++) {
            futures.add(client.submit(RecordWrite.insert("Account", Map.of("Name", "r" + i))));
        }
        client.close();

        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted());
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        org.server.verify(1, postRequestedFor(urlEqualTo(COLLECTIONS)));
        assertThatThrownBy(() -> client.submit(RecordWrite.insert("Account", Map.of("Name", "late"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client is closed");
    }

    @Test
    void aValueTheApiCannotTakeFailsItsOwnCallerAtOnce() {
        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.submit(RecordWrite.insert("Account", Map.of("Id__c", java.util.UUID.randomUUID()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("field 'Id__c' of Account has a value of type java.util.UUID");
        }
    }

    private static List<CompletableFuture<RecordResult>> submitConcurrently(SalesforceClient client, int n,
                                                                           java.util.function.IntFunction<RecordWrite> write)
            throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CompletableFuture<RecordResult>>> submitted = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                submitted.add(callers.submit(() -> {
                    go.await();
                    return client.submit(write.apply(index));
                }));
            }
            go.countDown();
            List<CompletableFuture<RecordResult>> futures = new ArrayList<>();
            for (Future<CompletableFuture<RecordResult>> f : submitted) {
                futures.add(f.get());
            }
            return futures;
        } finally {
            callers.shutdown();
        }
    }
}
