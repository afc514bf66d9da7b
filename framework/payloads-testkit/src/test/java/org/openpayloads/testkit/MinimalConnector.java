package org.openpayloads.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.RecordConnector;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/** A well-behaved connector that fits on one screen: the contract test's own subject. */
public class MinimalConnector implements RecordConnector {

    private static final ConfigDef DEF = new ConfigDef()
            .define("url", Type.URL, Required.YES, "connection", "Where the records live.")
            .define("token", Type.SECRET, Required.YES, "connection", "The bearer token.");

    @Override
    public String type() {
        return "minimal";
    }

    @Override
    public String description() {
        return "Posts each record as JSON to one URL.";
    }

    @Override
    public ConfigDef configDef() {
        return DEF;
    }

    @Override
    public RecordClient connect(ConnectorContext context, Map<String, String> config) {
        Map<String, String> values = DEF.parse(config);
        URI url = URI.create(values.get("url"));
        String token = values.get("token");
        return new RecordClient() {
            @Override
            public CompletableFuture<RecordResult> submit(RecordWrite write) {
                HttpCall call = new HttpCall("POST", url, Map.of("Authorization", "Bearer " + token),
                        write.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofSeconds(5));
                return context.transport().send(call).thenApply(result -> {
                    if (result.status() == 401) {
                        throw new ConfigException("token", "was refused by " + url);
                    }
                    if (result.status() >= 500) {
                        throw new RetriableException("the peer answered " + result.status());
                    }
                    return RecordResult.ok(null, true);
                });
            }

            @Override
            public QueryResult query(String soql) {
                throw new UnsupportedOperationException("queries are not supported");
            }

            @Override
            public Optional<String> findId(String object, String field, Object value) {
                return Optional.empty();
            }

            @Override
            public ObjectDescription describe(String object) {
                return new ObjectDescription(object, Map.of());
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
