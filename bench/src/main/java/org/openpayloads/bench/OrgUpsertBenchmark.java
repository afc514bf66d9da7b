package org.openpayloads.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.server.PayloadsServer;
import org.openpayloads.server.SalesforceSettings;
import org.openpayloads.server.ServerSettings;

/**
 * Upserts Accounts by external id through the Salesforce connector into the embedded org, the way the
 * engine will under load: many writes submitted at once, grouped by the connector into sObject
 * Collections of up to 200. Prints records/s and API calls per record, for an insert pass (new
 * external ids) and an update pass (the same ids again).
 *
 * <pre>
 * java -cp 'bench/target/payloads-bench.jar:bench/target/lib/*' org.openpayloads.bench.OrgUpsertBenchmark \
 *     --db hsqldb|postgresql --transport in-process|http --records 10000
 * </pre>
 */
public final class OrgUpsertBenchmark {

    private static final String TOKEN = "bench-admin-token-0123456789";
    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String EXTERNAL_ID = "Stripe_Customer_Id__c";

    private OrgUpsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String db = options.getOrDefault("db", "hsqldb");
        String transport = options.getOrDefault("transport", "in-process");
        int records = Integer.parseInt(options.getOrDefault("records", "10000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));
        Path dataDir = Files.createTempDirectory("payloads-bench");
        String schema = db.equals("postgresql") ? "bench_" + Long.toHexString(System.nanoTime()) : null;
        if (schema != null) {
            sql(POSTGRESQL, "CREATE SCHEMA " + schema);
        }
        try (PayloadsServer server = PayloadsServer.start(settings(dataDir, schema, transport), Clock.systemUTC(),
                System.out)) {
            createExternalIdField(server.baseUri());
            RecordClient client = server.defaultOrgClient();
            run(client, "warmup", warmup, "w");
            Pass inserts = run(client, "insert", records, "c");
            Pass updates = run(client, "update", records, "c");
            System.out.printf(Locale.ROOT, "%nRESULT db=%s transport=%s records=%d%n", db, transport, records);
            System.out.println(inserts);
            System.out.println(updates);
        } finally {
            if (schema != null) {
                sql(POSTGRESQL, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** One timed pass: all writes submitted at once, then awaited. */
    record Pass(String name, int records, long nanos, long calls) {
        @Override
        public String toString() {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "  %-7s %6d records in %6.2f s = %8.0f records/s, %4d API calls = %.4f calls/record",
                    name, records, seconds, records / seconds, calls, (double) calls / records);
        }
    }

    private static Pass run(RecordClient client, String name, int count, String prefix) {
        long callsBefore = client.callCount();
        long start = System.nanoTime();
        List<CompletableFuture<RecordResult>> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            fields.put(EXTERNAL_ID, "cus_" + prefix + i);
            fields.put("Name", "Customer " + prefix + i + " (" + name + ")");
            fields.put("Phone", "+1 555 01" + (i % 100));
            fields.put("BillingCity", "Paris");
            fields.put("Description", "Stripe customer cus_" + prefix + i);
            results.add(client.submit(RecordWrite.upsert("Account", EXTERNAL_ID, fields)));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        long nanos = System.nanoTime() - start;
        long failed = results.stream().map(CompletableFuture::join).filter(r -> !r.success()).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + count + " upserts failed, for example "
                    + results.stream().map(CompletableFuture::join).filter(r -> !r.success()).findFirst().orElseThrow());
        }
        return new Pass(name, count, nanos, client.callCount() - callsBefore);
    }

    private static ServerSettings settings(Path dataDir, @Nullable String schema, String transport) {
        SalesforceSettings.OrgTransport orgTransport = transport.equals("http")
                ? SalesforceSettings.OrgTransport.HTTP : SalesforceSettings.OrgTransport.IN_PROCESS;
        return new ServerSettings("127.0.0.1", 0, dataDir,
                schema == null ? null : POSTGRESQL + "?currentSchema=" + schema,
                schema == null ? "SA" : "postgres", "", 10, null, TOKEN, Duration.ofSeconds(5),
                new SalesforceSettings(null, null, null, orgTransport, SalesforceSettings.DEFAULT_DAILY_API_LIMIT));
    }

    /** The external id field, made through the org's admin API as a user would. */
    private static void createExternalIdField(URI base) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + EXTERNAL_ID + "\",\"label\":\"Stripe customer id\",\"type\":\"string\","
                + "\"length\":255,\"externalId\":true,\"unique\":true}";
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(
                        base.resolve("/api/v1/org/objects/Account/fields"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("creating " + EXTERNAL_ID + " failed: " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
