package org.openpayloads.testkit;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.Soql;

/**
 * A {@link RecordClient} over records in memory, for tests of what calls into a client: it keeps the
 * describe-declared objects, assigns 18-character ids, matches upserts by external id, answers the simple queries
 * the engine makes ({@code SELECT f FROM o WHERE a = 'x' AND b = 1 LIMIT n}) and logs every write and query.
 * A rule can refuse chosen writes, the way an org's validation rule does. Thread-safe (every method locks).
 */
public final class InMemoryRecordClient implements RecordClient {

    private static final Pattern SELECT = Pattern.compile(
            "SELECT (.+?) FROM ([A-Za-z0-9_]+) WHERE (.+?)(?: LIMIT (\\d+))?");
    private static final Pattern CONDITION = Pattern.compile(
            "([A-Za-z0-9_.]+) = ('(?:\\\\.|[^'\\\\])*'|null|[^ ]+)(?: AND |$)");

    private final Map<String, ObjectDescription> objects = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, @Nullable Object>>> records = new LinkedHashMap<>();
    private final List<RecordWrite> writes = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final AtomicLong calls = new AtomicLong();
    private Function<RecordWrite, @Nullable RecordError> rule = write -> null;
    private long nextId = 1;

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

    /** Refuses every write for which {@code refusal} gives an error. */
    public synchronized InMemoryRecordClient refuseWhen(Function<RecordWrite, @Nullable RecordError> refusal) {
        this.rule = refusal;
        return this;
    }

    /** Stores a record as it is, as if made elsewhere; returns its id. */
    public synchronized String seed(String object, Map<String, @Nullable Object> fields) {
        String id = newId(object);
        Map<String, @Nullable Object> record = new LinkedHashMap<>(fields);
        record.put("Id", id);
        table(object).put(id, record);
        return id;
    }

    /** The records of {@code object}, in the order they were made. */
    public synchronized List<Map<String, @Nullable Object>> records(String object) {
        return table(object).values().stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }

    /** Every write, in order. */
    public synchronized List<RecordWrite> writes() {
        return List.copyOf(writes);
    }

    /** Every query, in order, as sent. */
    public synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    @Override
    public synchronized CompletableFuture<RecordResult> submit(RecordWrite write) {
        calls.incrementAndGet();
        writes.add(write);
        return CompletableFuture.completedFuture(apply(write));
    }

    private RecordResult apply(RecordWrite write) {
        ObjectDescription description = describe(write.object());
        for (String field : write.fields().keySet()) {
            if (!description.fields().containsKey(field)) {
                return failure("INVALID_FIELD", "No such column '" + field + "' on sobject of type " + write.object(),
                        field);
            }
        }
        RecordError refused = rule.apply(write);
        if (refused != null) {
            return new RecordResult(null, false, null, List.of(refused));
        }
        Map<String, Map<String, @Nullable Object>> table = table(write.object());
        switch (write.kind()) {
            case INSERT -> {
                return insert(write.object(), write.fields());
            }
            case UPDATE -> {
                Map<String, @Nullable Object> record = table.get(write.id());
                if (record == null) {
                    return failure("ENTITY_IS_DELETED", "entity is deleted", "Id");
                }
                record.putAll(write.fields());
                return new RecordResult(write.id(), true, null, List.of());
            }
            case UPSERT -> {
                List<String> matches = matching(write.object(), Map.of(write.externalIdField(), write.externalIdValue()));
                if (matches.size() > 1) {
                    return failure("DUPLICATE_EXTERNAL_ID", "more than one record has this external id",
                            write.externalIdField());
                }
                if (matches.isEmpty()) {
                    RecordResult inserted = insert(write.object(), write.fields());
                    return new RecordResult(inserted.id(), true, true, List.of());
                }
                table.get(matches.get(0)).putAll(write.fields());
                return new RecordResult(matches.get(0), true, false, List.of());
            }
            case DELETE -> {
                String id = write.id() != null ? write.id()
                        : matching(write.object(), Map.of(write.externalIdField(), write.externalIdValue())).stream()
                        .findFirst().orElse(null);
                if (id == null || table.remove(id) == null) {
                    return failure("NOT_FOUND", "The requested resource does not exist", "Id");
                }
                return new RecordResult(id, true, null, List.of());
            }
            default -> throw new IllegalStateException("unhandled write kind " + write.kind());
        }
    }

    private RecordResult insert(String object, Map<String, @Nullable Object> fields) {
        String id = seed(object, fields);
        return new RecordResult(id, true, true, List.of());
    }

    @Override
    public synchronized QueryResult query(String soql) {
        calls.incrementAndGet();
        queries.add(soql);
        Matcher select = SELECT.matcher(soql);
        if (!select.matches()) {
            throw new MappingException("the in-memory client cannot run '" + soql + "'");
        }
        Map<String, @Nullable Object> where = new LinkedHashMap<>();
        Matcher condition = CONDITION.matcher(select.group(3));
        int end = 0;
        while (condition.find()) {
            String literal = condition.group(2);
            where.put(condition.group(1), literal.equals("null") ? null
                    : literal.startsWith("'") ? Soql.unquote(literal) : literal);
            end = condition.end();
        }
        if (end != select.group(3).length()) {
            throw new MappingException("the in-memory client cannot read the conditions of '" + soql + "'");
        }
        int limit = select.group(4) == null ? Integer.MAX_VALUE : Integer.parseInt(select.group(4));
        String[] fields = select.group(1).split(", ");
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (String id : matching(select.group(2), where)) {
            if (rows.size() == limit) {
                break;
            }
            Map<String, @Nullable Object> record = table(select.group(2)).get(id);
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (String field : fields) {
                row.put(field, record.get(field));
            }
            rows.add(row);
        }
        return new QueryResult(rows.size(), rows);
    }

    @Override
    public synchronized Optional<String> findId(String object, String field, Object value) {
        List<Map<String, @Nullable Object>> rows = query(Soql.select(object, List.of("Id"), Map.of(field, value), 2))
                .records();
        if (rows.size() > 1) {
            throw new MappingException("more than one " + object + " has " + field + " = '" + value + "'");
        }
        return rows.stream().map(r -> String.valueOf(r.get("Id"))).findFirst();
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
            boolean all = where.entrySet().stream().allMatch(c -> same(record.getValue().get(c.getKey()), c.getValue()));
            if (all) {
                ids.add(record.getKey());
            }
        }
        return ids;
    }

    private static boolean same(@Nullable Object stored, @Nullable Object wanted) {
        return stored == null || wanted == null ? stored == wanted : String.valueOf(stored).equals(String.valueOf(wanted));
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
        return new RecordResult(null, false, null, List.of(new RecordError(code, message, List.of(field))));
    }
}
