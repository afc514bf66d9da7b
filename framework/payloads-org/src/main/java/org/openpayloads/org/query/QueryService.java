package org.openpayloads.org.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.db.TxRunner;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * Runs queries and pages their results. A query reads its candidates in one pass (narrowed by an index when it
 * has an equality on an indexed field), filters, sorts and renders them in one read transaction; what does
 * not fit in the first page waits under a query locator for {@code /query/{locator}}.
 */
public final class QueryService {

    public static final int DEFAULT_BATCH = 2000;
    public static final int MIN_BATCH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<QueryEngine> engine;
    private final RecordRepository repository;
    private final Clock clock;
    private final Cache<String, Cursor> cursors = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(15))
            .maximumSize(1000).build();

    /** What is left of a query: its rendered rows and where the next page starts. */
    private record Cursor(int totalSize, List<ObjectNode> rows, int batchSize) {
    }

    public QueryService(Optional<QueryEngine> engine, RecordRepository repository, Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.clock = clock;
    }

    /** Whether a SOQL engine is installed. */
    public boolean available() {
        return engine.isPresent();
    }

    /**
     * The first page of a query's result, as {@code {totalSize, done, [nextRecordsUrl,] records}}.
     *
     * @param version the API version of the request, such as {@code v62.0}, for URLs
     */
    public ObjectNode query(String soql, SchemaSnapshot schema, TxRunner tx, String version, int batchSize) {
        QueryEngine queries = engine.orElseThrow(() -> new QueryException("NOT_IMPLEMENTED",
                "SOQL queries are not available: this build of the embedded org has no SOQL engine"));
        QueryPlan plan = queries.plan(soql, schema, clock);
        ObjectDefinition object = schema.object(plan.object()).orElseThrow(() -> new QueryException("INVALID_TYPE",
                "sObject type '" + plan.object() + "' is not supported."));
        // Parents are loaded on demand while rows are rendered, so the rows must not leave the session.
        return tx.read(session -> {
            List<RecordRow> rows = new QueryRun(session, repository, schema, object, plan).rows();
            if (plan.countOnly()) {
                return page(rows.size(), List.of(), true, null);
            }
            return firstPage(render(rows, plan, version), version, Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH,
                    batchSize)));
        });
    }

    /** The page after the one that named this locator ({@code id-offset}). */
    public ObjectNode next(String locator, String version) {
        int dash = locator.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.getIfPresent(locator.substring(0, dash));
        int from;
        try {
            from = dash < 0 ? -1 : Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (cursor == null || from < 0 || from >= cursor.rows().size()) {
            throw new QueryException("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int to = Math.min(cursor.rows().size(), from + cursor.batchSize());
        boolean done = to == cursor.rows().size();
        String next = done ? null : "/services/data/" + version + "/query/" + locator.substring(0, dash) + "-" + to;
        return page(cursor.totalSize(), cursor.rows().subList(from, to), done, next);
    }

    private ObjectNode firstPage(List<ObjectNode> rows, String version, int batchSize) {
        if (rows.size() <= batchSize) {
            return page(rows.size(), rows, true, null);
        }
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        String id = "01g" + HexFormat.of().formatHex(bytes);
        cursors.put(id, new Cursor(rows.size(), List.copyOf(rows), batchSize));
        return page(rows.size(), rows.subList(0, batchSize), false, "/services/data/" + version + "/query/" + id + "-"
                + batchSize);
    }

    private static ObjectNode page(int totalSize, List<ObjectNode> records, boolean done, String next) {
        ObjectNode page = RecordJson.NODES.objectNode();
        page.put("totalSize", totalSize);
        page.put("done", done);
        if (next != null) {
            page.put("nextRecordsUrl", next);
        }
        ArrayNode array = page.putArray("records");
        records.forEach(array::add);
        return page;
    }

    private static List<ObjectNode> render(List<RecordRow> rows, QueryPlan plan, String version) {
        List<ObjectNode> rendered = new ArrayList<>(rows.size());
        for (RecordRow row : rows) {
            rendered.add(QueryRendering.row(row, plan.selectedPaths(), version));
        }
        return rendered;
    }
}
