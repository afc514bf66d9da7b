package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.Soql;

/** Queries (every page), id lookups and describes (cached). */
final class Reads {

    private final OrgApi api;
    private final SalesforceConfig config;
    private final Map<String, ObjectDescription> describes = new ConcurrentHashMap<>();

    Reads(OrgApi api, SalesforceConfig config) {
        this.api = api;
        this.config = config;
    }

    /** Follows {@code nextRecordsUrl} to the last page; refuses a result larger than maxQueryRecords. */
    QueryResult query(String soql) {
        JsonNode page = page(Futures.join(api.get(queryPath(soql))), soql);
        long totalSize = page.path("totalSize").asLong();
        guard(totalSize, soql);
        List<Map<String, @Nullable Object>> records = new ArrayList<>();
        add(page, records);
        while (!page.path("done").asBoolean(true)) {
            String next = Json.text(page, "nextRecordsUrl");
            if (next == null || !next.startsWith("/services/data/")) {
                throw new PayloadsException("Salesforce said the query has more records but gave nextRecordsUrl '" + next
                        + "'; expected a path under /services/data/");
            }
            page = page(Futures.join(api.get(next)), soql);
            add(page, records);
            guard(records.size(), soql);
        }
        return new QueryResult(totalSize, records);
    }

    /** The one record whose field equals the value; the value goes in as one escaped literal. */
    CompletableFuture<Optional<String>> findIdAsync(String object, String field, Object value) {
        String soql = Soql.findId(object, field, value);
        return api.get(queryPath(soql)).thenApply(result -> {
            JsonNode records = page(result, soql).path("records");
            if (records.size() > 1) {
                throw new MappingException("At least " + records.size() + " " + object + " records have " + field + " = "
                        + Soql.literal(value) + "; expected at most one, so the lookup cannot choose");
            }
            return records.isEmpty() ? Optional.<String>empty() : Optional.ofNullable(Json.text(records.get(0), "Id"));
        });
    }

    ObjectDescription describe(String object) {
        Soql.objectName(object);
        String key = object.toLowerCase(Locale.ROOT);
        ObjectDescription cached = describes.get(key);
        if (cached != null) {
            return cached;
        }
        // Two threads may both fetch on a miss; that costs a call, and holding a lock across HTTP would cost more.
        HttpResult result = Futures.join(api.get(api.data("/sobjects/" + object + "/describe")));
        if (result.status() == 404) {
            throw NotFoundException.of("Salesforce object", object);
        }
        if (result.status() != 200) {
            throw new MappingException("Salesforce could not describe " + object + ": "
                    + SalesforceErrors.summary(SalesforceErrors.of(result, config::redact)));
        }
        ObjectDescription description = Describes.parse(object, Json.tree(result.body()));
        describes.put(key, description);
        return description;
    }

    private String queryPath(String soql) {
        return api.data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private JsonNode page(HttpResult result, String soql) {
        if (result.status() != 200) {
            throw new MappingException("Salesforce could not run the query [" + soql + "]: "
                    + SalesforceErrors.summary(SalesforceErrors.of(result, config::redact)));
        }
        return Json.tree(result.body());
    }

    private void guard(long size, String soql) {
        if (size > config.maxQueryRecords()) {
            throw new MappingException("The query [" + soql + "] matched " + size + " records, more than "
                    + "maxQueryRecords (" + config.maxQueryRecords() + "); narrow it with WHERE or LIMIT");
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(JsonNode page, List<Map<String, @Nullable Object>> into) {
        for (JsonNode record : page.path("records")) {
            into.add((Map<String, @Nullable Object>) Json.plain(record));
        }
    }
}
