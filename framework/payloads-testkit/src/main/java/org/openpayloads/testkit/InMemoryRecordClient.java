package org.openpayloads.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordRef;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.Soql;

/**
 * A {@link RecordClient} over records in memory, for tests of what calls into a client: it keeps the
 * describe-declared objects, assigns 18-character ids, matches upserts by external id, answers the simple queries
 * the engine makes ({@code SELECT f FROM o WHERE a = 'x' AND b = 1 LIMIT n}) and logs every write and query.
 *
 * <p>Like an org, it reads field names in any case and stores them as described, refuses a field the describe
 * lacks ({@code Id} always exists), compares texts ignoring case and numbers by value. A rule can refuse chosen
 * writes, the way an org's validation rule does, and another can fail them, the way an unavailable org does.
 * Thread-safe (every method locks).
 */
public final class InMemoryRecordClient implements RecordClient {

    private static final String ID = "Id";
    private static final Pattern SELECT = Pattern.compile(
            "SELECT (.+?) FROM ([A-Za-z0-9_]+) WHERE (.+?)(?: LIMIT (\\d+))?");
    private static final Pattern CONDITION = Pattern.compile(
            "([A-Za-z0-9_.]+) = ('(?:\\\\.|[^'\\\\])*'|null|[^ ']+)(?: AND |$)");

    private final Map<String, ObjectDescription> objects = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, @Nullable Object>>> records = new LinkedHashMap<>();
    private final List<RecordWrite> writes = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final AtomicLong calls = new AtomicLong();
    private Function<RecordWrite, @Nullable RecordError> refusal = write -> null;
    private Function<RecordWrite, @Nullable RuntimeException> failure = write -> null;
    private long nextId = 1;
    private int maxAtomicWrites;

    public InMemoryRecordClient(List<ObjectDescription> descriptions) {
        descriptions.forEach(d -> objects.put(d.name().toLowerCase(Locale.ROOT), d));
    }

    /** The object a Salesforce describe answer (such as {@code salesforce/describe-account.json}) declares. */
    public static ObjectDescription describe(JsonNode describe) {
        Map<String, FieldDescription> fields = new LinkedHashMap<>();
        for (JsonNode field : describe.path("fields")) {
            List<String> picklist = new ArrayList<>();
            field.path("picklistValues").forEach(v -> {
                if (v.path("active").asBoolean(true)) {
                    picklist.add(v.path("value").asText());
                }
            });
            List<String> referenceTo = new ArrayList<>();
            field.path("referenceTo").forEach(v -> referenceTo.add(v.asText()));
            fields.put(field.path("name").asText(), new FieldDescription(field.path("name").asText(),
                    field.path("type").asText(), field.path("length").asInt(), field.path("nillable").asBoolean(),
                    field.path("createable").asBoolean(), field.path("updateable").asBoolean(),
                    field.path("externalId").asBoolean(), field.path("unique").asBoolean(), picklist, referenceTo));
        }
        return new ObjectDescription(describe.path("name").asText(), fields);
    }

    /** Refuses every write for which {@code refusal} gives an error, as a failed {@link RecordResult}. */
    public synchronized InMemoryRecordClient refuseWhen(Function<RecordWrite, @Nullable RecordError> refusal) {
        this.refusal = refusal;
        return this;
    }

    /**
     * Fails every write for which {@code failure} gives an exception, as a real client does when the org is
     * unavailable: the write's future completes with it, and {@link #write} throws it. Nothing is written.
     */
    public synchronized InMemoryRecordClient failWhen(Function<RecordWrite, @Nullable RuntimeException> failure) {
        this.failure = failure;
        return this;
    }

    /** Stores a record as it is, as if made elsewhere; returns its id. */
    public synchronized String seed(String object, Map<String, @Nullable Object> fields) {
        String id = newId(object);
        Map<String, @Nullable Object> record = new LinkedHashMap<>();
        fields.forEach((field, value) -> record.put(fieldName(object, field), value));
        record.put(ID, id);
        table(object).put(id, record);
        return id;
    }

    /** The records of {@code object}, in the order they were made. */
    public synchronized List<Map<String, @Nullable Object>> records(String object) {
        return table(object).values().stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }

    /** Every write, in order, failed ones included. */
    public synchronized List<RecordWrite> writes() {
        return List.copyOf(writes);
    }

    /** Every query, in order, as sent. */
    public synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    /**
     * Offers transactions of up to {@code maxWrites} writes, like an org's composite allOrNone; without this call
     * the client has none, and {@link #writeAtomically} refuses.
     */
    public synchronized InMemoryRecordClient withTransactions(int maxWrites) {
        if (maxWrites < 1) {
            throw new IllegalArgumentException("maxWrites was " + maxWrites + "; expected 1 or more");
        }
        this.maxAtomicWrites = maxWrites;
        return this;
    }

    @Override
    public synchronized int maxAtomicWrites() {
        return maxAtomicWrites;
    }

    /** Each write in turn; on the first failure every record goes back to how it was, as a rollback would. */
    @Override
    public synchronized List<RecordResult> writeAtomically(List<RecordWrite> group) {
        if (maxAtomicWrites == 0) {
            return RecordClient.super.writeAtomically(group);
        }
        RecordRef.checkGroup(group, maxAtomicWrites);
        Map<String, Map<String, Map<String, @Nullable Object>>> before = copy(records);
        long idsBefore = nextId;
        List<RecordResult> results = new ArrayList<>();
        try {
            for (RecordWrite write : group) {
                RecordResult result = write(resolve(write, results));
                results.add(result);
                if (!result.success()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            rollBack(before, idsBefore);
            throw e;
        }
        if (results.size() == group.size() && results.get(results.size() - 1).success()) {
            return results;
        }
        rollBack(before, idsBefore);
        RecordResult halted = RecordResult.failed(new RecordError("PROCESSING_HALTED", "The transaction was rolled "
                + "back since another operation in the same transaction failed."));
        List<RecordResult> rolledBack = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            rolledBack.add(i == results.size() - 1 ? results.get(i) : halted);
        }
        return rolledBack;
    }

    private void rollBack(Map<String, Map<String, Map<String, @Nullable Object>>> before, long idsBefore) {
        records.clear();
        records.putAll(before);
        nextId = idsBefore;
    }

    private static RecordWrite resolve(RecordWrite write, List<RecordResult> earlier) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        write.fields().forEach((field, value) -> fields.put(field, value instanceof RecordRef ref
                ? earlier.get(ref.write()).id() : value));
        return new RecordWrite(write.kind(), write.object(), write.externalIdField(), write.id(), fields);
    }

    private static Map<String, Map<String, Map<String, @Nullable Object>>> copy(
            Map<String, Map<String, Map<String, @Nullable Object>>> tables) {
        Map<String, Map<String, Map<String, @Nullable Object>>> copy = new LinkedHashMap<>();
        tables.forEach((object, rows) -> {
            Map<String, Map<String, @Nullable Object>> table = new LinkedHashMap<>();
            rows.forEach((id, row) -> table.put(id, new LinkedHashMap<>(row)));
            copy.put(object, table);
        });
        return copy;
    }

    @Override
    public synchronized CompletableFuture<RecordResult> submit(RecordWrite write) {
        calls.incrementAndGet();
        writes.add(write);
        RuntimeException failed = failure.apply(write);
        return failed != null ? CompletableFuture.failedFuture(failed)
                : CompletableFuture.completedFuture(apply(write));
    }

    private RecordResult apply(RecordWrite write) {
        ObjectDescription description = describe(write.object());
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> field : write.fields().entrySet()) {
            Optional<FieldDescription> described = description.field(field.getKey());
            if (described.isEmpty()) {
                return failure("INVALID_FIELD", "No such column '" + field.getKey() + "' on sobject of type "
                        + write.object(), field.getKey());
            }
            fields.put(described.get().name(), field.getValue());
        }
        RecordError refused = refusal.apply(write);
        if (refused != null) {
            return RecordResult.failed(refused);
        }
        Map<String, Map<String, @Nullable Object>> table = table(write.object());
        return switch (write.kind()) {
            case INSERT -> RecordResult.ok(seed(write.object(), fields), true);
            case UPDATE -> {
                Map<String, @Nullable Object> record = table.get(write.id());
                if (record == null) {
                    yield failure("ENTITY_IS_DELETED", "entity is deleted", ID);
                }
                record.putAll(fields);
                yield RecordResult.ok(write.id(), null);
            }
            case UPSERT -> upsert(write, table, fields);
            case DELETE -> {
                String id = write.id() != null ? write.id() : matching(write.object(),
                        Map.of(write.externalIdField(), write.externalIdValue())).stream().findFirst().orElse(null);
                if (id == null || table.remove(id) == null) {
                    yield failure("NOT_FOUND", "The requested resource does not exist", ID);
                }
                yield RecordResult.ok(id, null);
            }
        };
    }

    private RecordResult upsert(RecordWrite write, Map<String, Map<String, @Nullable Object>> table,
                                Map<String, @Nullable Object> fields) {
        List<String> matches = matching(write.object(), Map.of(write.externalIdField(), write.externalIdValue()));
        if (matches.size() > 1) {
            return failure("DUPLICATE_EXTERNAL_ID", "more than one record has this external id",
                    write.externalIdField());
        }
        if (matches.isEmpty()) {
            return RecordResult.ok(seed(write.object(), fields), true);
        }
        table.get(matches.get(0)).putAll(fields);
        return RecordResult.ok(matches.get(0), false);
    }

    /**
     * Runs {@code SELECT a, b FROM Object WHERE c = 'x' AND d = 1 LIMIT n}.
     *
     * @throws MappingException for any other query, and for a field the object's describe lacks
     */
    @Override
    public synchronized QueryResult query(String soql) {
        calls.incrementAndGet();
        queries.add(soql);
        Matcher select = SELECT.matcher(soql);
        if (!select.matches()) {
            throw new MappingException("the in-memory client cannot run '" + soql + "'; expected SELECT fields "
                    + "FROM object WHERE field = value [AND ...] [LIMIT n]");
        }
        String object = select.group(2);
        Map<String, @Nullable Object> where = new LinkedHashMap<>();
        Matcher condition = CONDITION.matcher(select.group(3));
        int end = 0;
        // Each condition must start where the one before ended: nothing may be skipped over.
        while (end < select.group(3).length() && condition.find(end) && condition.start() == end) {
            String literal = condition.group(2);
            where.put(queryField(object, condition.group(1), soql), literal.equals("null") ? null
                    : literal.startsWith("'") ? Soql.unquote(literal) : literal);
            end = condition.end();
        }
        if (end != select.group(3).length()) {
            throw new MappingException("the in-memory client cannot read the conditions of '" + soql
                    + "' from column " + end + "; expected field = value, joined by AND");
        }
        int limit = select.group(4) == null ? Integer.MAX_VALUE : Integer.parseInt(select.group(4));
        List<String> fields = new ArrayList<>();
        for (String field : select.group(1).split(", ")) {
            fields.add(queryField(object, field, soql));
        }
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (String id : matching(object, where)) {
            if (rows.size() == limit) {
                break;
            }
            Map<String, @Nullable Object> record = table(object).get(id);
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            fields.forEach(field -> row.put(field, record.get(field)));
            rows.add(row);
        }
        return new QueryResult(rows.size(), rows);
    }

    @Override
    public synchronized Optional<String> findId(String object, String field, Object value) {
        List<Map<String, @Nullable Object>> rows = query(Soql.select(object, List.of(ID), Map.of(field, value), 2))
                .records();
        if (rows.size() > 1) {
            throw new MappingException("more than one " + object + " has " + field + " = '" + value + "'");
        }
        return rows.stream().map(r -> String.valueOf(r.get(ID))).findFirst();
    }

    @Override
    public synchronized ObjectDescription describe(String object) {
        ObjectDescription description = objects.get(object.toLowerCase(Locale.ROOT));
        if (description == null) {
            throw NotFoundException.of("object", object);
        }
        return description;
    }

    @Override
    public long callCount() {
        return calls.get();
    }

    @Override
    public void close() {
        // Nothing is held back.
    }

    private List<String> matching(String object, Map<String, @Nullable Object> where) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Map<String, @Nullable Object>> record : table(object).entrySet()) {
            boolean all = where.entrySet().stream().allMatch(c -> same(
                    record.getValue().get(fieldName(object, c.getKey())), c.getValue()));
            if (all) {
                ids.add(record.getKey());
            }
        }
        return ids;
    }

    /** Equality as SOQL sees it: numbers by value, texts ignoring case, null only to null. */
    private static boolean same(@Nullable Object stored, @Nullable Object wanted) {
        if (stored == null || wanted == null) {
            return stored == wanted;
        }
        if (stored instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(wanted.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return String.valueOf(stored).equalsIgnoreCase(String.valueOf(wanted));
    }

    /** {@code field} as {@code object}'s describe spells it, or as given when the describe lacks it. */
    private String fieldName(String object, String field) {
        return field.equalsIgnoreCase(ID) ? ID
                : describe(object).field(field).map(FieldDescription::name).orElse(field);
    }

    /** A field a query names, as described; a parent's field ({@code Account.Name}) is passed through. */
    private String queryField(String object, String field, String soql) {
        if (field.equalsIgnoreCase(ID)) {
            return ID;
        }
        if (field.contains(".")) {
            return field;
        }
        return describe(object).field(field).map(FieldDescription::name).orElseThrow(() -> new MappingException(
                "No such column '" + field + "' on entity '" + object + "' in '" + soql + "'"));
    }

    private Map<String, Map<String, @Nullable Object>> table(String object) {
        return records.computeIfAbsent(describe(object).name(), name -> new LinkedHashMap<>());
    }

    private String newId(String object) {
        String prefix = switch (object.toLowerCase(Locale.ROOT)) {
            case "account" -> "001";
            case "contact" -> "003";
            default -> "a0" + Character.toUpperCase(object.charAt(0));
        };
        String counter = Long.toString(nextId++);
        return prefix + "0".repeat(15 - counter.length()) + counter;
    }

    private static RecordResult failure(String code, String message, String field) {
        return RecordResult.failed(new RecordError(code, message, List.of(field)));
    }
}
