package org.openpayloads.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.HttpMethod;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.store.crypto.MasterKey;
import org.openpayloads.testkit.SettableClock;
import org.openpayloads.testkit.TestDatabase;

/** Helpers shared by the store's tests: an open store on a test database, fixtures, raw SQL reads. */
final class StoreTesting {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private StoreTesting() {
    }

    /** A store on a fresh test database, with a clock the test can move. */
    record OpenStore(TestDatabase database, MasterKey key, SettableClock clock, Store store) implements AutoCloseable {

        static OpenStore create() {
            TestDatabase database = TestDatabase.create();
            MasterKey key = MasterKey.random();
            SettableClock clock = new SettableClock(Instant.parse("2026-01-02T03:04:05.123456Z"));
            try {
                return new OpenStore(database, key, clock, Store.open(settings(database, key), clock));
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        /** Closes the store and opens it again on the same database, as a restarted server would. */
        OpenStore reopen() {
            store.close();
            return new OpenStore(database, key, clock, Store.open(settings(database, key), clock));
        }

        @Override
        public void close() {
            try {
                store.close();
            } finally {
                database.close();
            }
        }
    }

    static StoreSettings settings(TestDatabase database, MasterKey key) {
        return new StoreSettings(database.jdbcUrl(), database.user(), database.password(), 4, key);
    }

    /** A fresh API name, so that tests sharing one database never collide. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static Integration integration(String apiName) {
        return new Integration(apiName, "Label of " + apiName, "About " + apiName, true, AuditInfo.NEW);
    }

    /** An integration stored under a fresh name; returns its name. */
    static String storedIntegration(Store store) {
        String name = unique("integration");
        store.integrations().create(integration(name), "setup");
        return name;
    }

    /** A payload with a bit of everything: a 3-level element tree, two targets, a source, HMAC auth. */
    static Payload fullPayload(String apiName) {
        List<Element> elements = List.of(
                new Element("data", "$.data", DataType.OBJECT, true, false, List.of(
                        new Element("object", "$.data.object", DataType.OBJECT, true, false, List.of(
                                new Element("id", "$.data.object.id", DataType.STRING, true, false, List.of()),
                                new Element("amount", "$.data.object.amount", DataType.INTEGER, false, false,
                                        List.of()))),
                        new Element("items", "$.data.items", DataType.ARRAY, false, true, List.of(
                                new Element("sku", "$.data.items[*].sku", DataType.STRING, true, false, List.of()))))),
                new Element("type", "$.type", DataType.STRING, true, false, List.of()));
        Target account = new Target("account", "Account", 1, "Account", Operation.UPSERT, "Stripe_Id__c", List.of(),
                WhenPresent.UPDATE, null, null, List.of(
                FieldMapping.element("Stripe_Id__c", "$.data.object.id"),
                new FieldMapping("Type", ValueSourceType.STATIC, "Customer", null, null, null, NullRule.IGNORE,
                        Map.of(), null),
                new FieldMapping("Amount__c", ValueSourceType.EXPRESSION, "amount / 100", null, null, null,
                        NullRule.CLEAR, Map.of(), "0"),
                new FieldMapping("OwnerId", ValueSourceType.LOOKUP, "$.data.object.owner", "User", "Email", "Id",
                        NullRule.IGNORE, Map.of(), null),
                new FieldMapping("Region__c", ValueSourceType.CREDENTIAL, "region", "stripe-key", null, null,
                        NullRule.IGNORE, Map.of("eu", "Europe", "us", "Americas"), "Unknown")));
        Target contact = new Target("contact", "Contact", 2, "Contact", Operation.CREATE_IF_MISSING, null,
                List.of("Email", "LastName"), WhenPresent.SKIP, "type == 'customer.created'", "$.data.items",
                List.of(new FieldMapping("AccountId", ValueSourceType.TARGET_RESULT, "id", "account", null, null,
                                NullRule.IGNORE, Map.of(), null),
                        new FieldMapping("Description", ValueSourceType.FIELD, "Account.Name", null, null, null,
                                NullRule.IGNORE, Map.of(), null),
                        FieldMapping.element("LastName", "$.data.items[*].sku")));
        Source accounts = new Source("accounts", "Accounts", 1, "Account", "Stripe_Id__c != null", null, List.of(
                new FieldMapping("$.customer.name", ValueSourceType.FIELD, "Name", null, null, null,
                        NullRule.IGNORE, Map.of(), null),
                new FieldMapping("$.customer.kind", ValueSourceType.STATIC, "company", null, null, null,
                        NullRule.IGNORE, Map.of(), null)));
        InboundAuth auth = new InboundAuth(AuthType.HMAC, "stripe-key", "X-Signature", "{timestamp}.{body}", "HEX",
                300);
        return new Payload(apiName, "Label of " + apiName, "About " + apiName, Direction.INBOUND,
                PayloadKind.API_PUSH, ContentType.JSON, true, true, auth, "$.id", "$.data.object.id", false,
                InactiveBehaviour.REJECT, List.of("$.data.object.card", "Authorization"),
                "https://example.org/{id}", HttpMethod.POST, "stripe-key", elements, List.of(account, contact),
                List.of(accounts), AuditInfo.NEW);
    }

    /** A payload with one element and nothing else. */
    static Payload smallPayload(String apiName) {
        return new Payload(apiName, "Small " + apiName, null, Direction.INBOUND, PayloadKind.API_PUSH,
                ContentType.JSON, false, true, InboundAuth.NONE, null, null, false, InactiveBehaviour.HOLD, List.of(),
                null, null, null, List.of(new Element("id", "$.id", DataType.STRING, true, false, List.of())),
                List.of(), List.of(), AuditInfo.NEW);
    }

    /** The payload as it was given, for comparing with what was stored (which has audit values). */
    static Payload withoutAudit(Payload payload) {
        return new Payload(payload.apiName(), payload.label(), payload.description(), payload.direction(),
                payload.kind(), payload.contentType(), payload.allowPartialSuccess(), payload.active(), payload.auth(),
                payload.dedupeKey(), payload.orderingKey(), payload.syncResponse(), payload.whenInactive(),
                payload.redactPaths(), payload.endpointUrl(), payload.httpMethod(), payload.credential(),
                payload.elements(), payload.targets(), payload.sources(), payload.expansions(), payload.polling(),
                AuditInfo.NEW);
    }

    /** The rows of a query, each row's columns as strings; for checks on raw columns and counts. */
    static List<List<String>> rows(TestDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Test query failed: " + sql, e);
        }
    }

    static long count(TestDatabase database, String sql, Object... parameters) {
        return Long.parseLong(rows(database, sql, parameters).get(0).get(0));
    }

    static void execute(TestDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Test statement failed: " + sql, e);
        }
    }
}
