package org.openpayloads.api.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.RetriableException;

class RecordClientTest {

    @Test
    void writeWaitsForTheResult() {
        RecordClient client = clientAnswering(w -> CompletableFuture.completedFuture(RecordResult.ok("001", true)));

        assertThat(client.write(RecordWrite.insert("Account", Map.of("Name", "Acme"))).id()).isEqualTo("001");
    }

    @Test
    void writeThrowsTheFailureItselfNotAWrapper() {
        RetriableException busy = new RetriableException("Salesforce answered 503");
        RecordClient client = clientAnswering(w -> CompletableFuture.failedFuture(busy));

        assertThatThrownBy(() -> client.write(RecordWrite.insert("Account", Map.of()))).isSameAs(busy);
    }

    private static RecordClient clientAnswering(Function<RecordWrite, CompletableFuture<RecordResult>> answer) {
        return new RecordClient() {
            @Override
            public CompletableFuture<RecordResult> submit(RecordWrite write) {
                return answer.apply(write);
            }

            @Override
            public QueryResult query(String soql) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> findId(String object, String field, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ObjectDescription describe(String object) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long callCount() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }
}
