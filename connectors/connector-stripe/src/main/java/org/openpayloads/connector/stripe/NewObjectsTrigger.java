package org.openpayloads.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.config.ConfigDef.Validator;
import org.openpayloads.api.connector.ApiClient;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.PollingTrigger;
import org.openpayloads.api.connector.Watermark;

/**
 * The objects of one Stripe list endpoint created since a watermark, oldest first: {@link #NEW_CHARGE}
 * ({@code /v1/charges}) and {@link #NEW_CUSTOMER} ({@code /v1/customers}). A watermark is an object's
 * {@code created} (epoch seconds) and id. Stateless and thread-safe.
 *
 * <p>Stripe lists newest first and cannot sort the other way, so each case reads differently:
 * <ul>
 *   <li>After a watermark with an id: {@code ending_before=<id>}, which answers the objects just newer than that
 *       one (still newest first in the page; {@code has_more} says whether newer ones exist). Each page is
 *       reversed, and the next page ends before the newest object so far. Only the pages needed are read, and
 *       objects of the same second are told apart by Stripe's own order.</li>
 *   <li>After a watermark without an id, or a backfill from {@code since}: {@code created[gte]=<seconds>}, read
 *       newest first to the end with {@code starting_after}, keeping only the oldest {@code maxItems}. Such a
 *       poll reads the whole range once; the watermark it returns has an id, so the next poll is cheap.</li>
 *   <li>When Stripe no longer has the watermark's object (a deleted customer, or test data cleared), it reads
 *       {@code created[gte]=<position>} instead: objects of that second already taken come again (the
 *       payload's dedupe key drops them), but none is missed. The connector's listener is warned.</li>
 *   <li>With neither: one request with {@code limit=1} for the newest object's watermark; with none, the
 *       connector context's clock gives the position and the id is left empty.</li>
 * </ul>
 */
public final class NewObjectsTrigger implements PollingTrigger {

    static final String EXPAND = "expand";
    static final String PAGE_SIZE = "pageSize";
    static final String CUSTOMER = "customer";
    static final String EMAIL = "email";
    /** The {@code expand} value that turns expansion off, even where there is a default. */
    static final String NONE = "none";

    /** Stripe expands at most four levels; {@code data.} takes one. */
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){0,2}");
    private static final int MAX_EMAIL = 512;

    /** {@code new-charge}: the account's new charges, with the customer expanded unless {@code expand} says otherwise. */
    public static final NewObjectsTrigger NEW_CHARGE = new NewObjectsTrigger("new-charge", "/v1/charges", "charge",
            "New charge: each charge made in the Stripe account, oldest first, with its customer expanded.",
            CUSTOMER, "customer or customer.default_source", new Filter(CUSTOMER, "Only this customer's charges, "
                    + "such as cus_4QWKsZuuTHcs7X; empty for every charge.", NewObjectsTrigger::customerId));

    /** {@code new-customer}: the account's new customers. */
    public static final NewObjectsTrigger NEW_CUSTOMER = new NewObjectsTrigger("new-customer", "/v1/customers",
            "customer", "New customer: each customer created in the Stripe account, oldest first.", null,
            "default_source or test_clock", new Filter(EMAIL, "Only customers with this email address, compared "
                    + "exactly (Stripe is case-sensitive here); empty for every customer.", NewObjectsTrigger::email));

    /** A list parameter a payload may set; the option and Stripe's parameter have the same name. */
    private record Filter(String option, String documentation, Validator validator) {
    }

    /** The options of one poll, parsed. */
    private record Query(List<String> expand, Map<String, String> filters, int pageSize) {

        /** {@code limit} and the filters, in the order sent; callers add a cursor or a bound. */
        Map<String, String> params(int limit) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("limit", Integer.toString(limit));
            params.putAll(filters);
            return params;
        }
    }

    private final String name;
    private final String path;
    private final String kind;
    private final String description;
    private final List<Filter> filters;
    private final ConfigDef options;

    private NewObjectsTrigger(String name, String path, String kind, String description,
                              @Nullable String defaultExpand, String expandExamples, Filter... filters) {
        this.name = name;
        this.path = path;
        this.kind = kind;
        this.description = description;
        this.filters = List.of(filters);
        this.options = new ConfigDef()
                .define(new ConfigDef.Key(EXPAND, Type.LIST, Required.NO, defaultExpand,
                        value -> expandProblem(value, kind, expandExamples), "items", "Fields to expand in each "
                        + kind + ", comma-separated, such as " + expandExamples + " (sent as expand[]=data.…); "
                        + NONE + " to expand nothing."));
        for (Filter filter : filters) {
            options.define(new ConfigDef.Key(filter.option(), Type.STRING, Required.NO, null, filter.validator(),
                    "filter", filter.documentation()));
        }
        options.define(PAGE_SIZE, Type.INT, Integer.toString(StripeClient.DEFAULT_PAGE_SIZE),
                Validator.between(1, StripeClient.DEFAULT_PAGE_SIZE), "paging", "Objects per request to Stripe, 1 to "
                        + StripeClient.DEFAULT_PAGE_SIZE + ". A poll returns no more than the runtime asks for, whatever "
                        + "this is.");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public ConfigDef options() {
        return options;
    }

    /** The list endpoint read, such as {@code /v1/charges}. */
    public String path() {
        return path;
    }

    /**
     * {@inheritDoc}
     *
     * @param client a {@link StripeClient}
     * @throws IllegalArgumentException when {@code client} is not a {@link StripeClient}, or {@code maxItems} is
     *     below 1
     * @throws ConfigException when an option is invalid; every problem is listed
     * @throws StripeException when Stripe refused a request
     */
    @Override
    public PollPage poll(ApiClient client, Map<String, String> options, @Nullable Watermark after,
                         @Nullable Instant since, int maxItems) {
        if (!(client instanceof StripeClient stripe)) {
            throw new IllegalArgumentException(name + " was given a client of type " + typeOf(client)
                    + "; expected a StripeClient, as StripeConnector.open makes");
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems was " + maxItems + "; expected 1 or more");
        }
        Query query = query(options);
        if (after != null && after.lastId() != null) {
            return newerThan(stripe, query, after, after.lastId(), maxItems);
        }
        if (after != null) {
            return createdFrom(stripe, query, after.position(), maxItems);
        }
        if (since != null) {
            return createdFrom(stripe, query, Math.max(0, since.getEpochSecond()), maxItems);
        }
        return newest(stripe, query);
    }

    @Override
    public String toString() {
        return "NewObjectsTrigger[" + name + ", " + path + "]";
    }

    /** The objects Stripe orders just after {@code lastId}, page by page through {@code ending_before}. */
    private PollPage newerThan(StripeClient stripe, Query query, Watermark after, String lastId, int maxItems) {
        List<JsonNode> taken = new ArrayList<>();
        String cursor = lastId;
        boolean more = true;
        while (more && taken.size() < maxItems) {
            Map<String, String> params = query.params(Math.min(query.pageSize(), maxItems - taken.size()));
            params.put("ending_before", cursor);
            StripeClient.ListPage page;
            try {
                page = stripe.page(path, params, query.expand());
            } catch (StripeException e) {
                if (!cursorMissing(e)) {
                    throw e;
                }
                if (taken.isEmpty()) {
                    return fallBack(stripe, query, after, lastId, maxItems);
                }
                // The newest object taken went between two requests: the next poll goes on from it.
                break;
            }
            List<JsonNode> newestFirst = page.data();
            int i = newestFirst.size() - 1;
            for (; i >= 0 && taken.size() < maxItems; i--) {
                taken.add(newestFirst.get(i));
            }
            more = page.hasMore() || i >= 0;
            if (more && taken.isEmpty()) {
                throw new MappingException("Stripe answered GET " + path + "?ending_before=" + cursor + " with "
                        + "has_more true but no " + kind + "; expected one to continue from");
            }
            if (!taken.isEmpty()) {
                cursor = mark(taken.get(taken.size() - 1)).lastId();
            }
        }
        return page(taken, after, more);
    }

    private PollPage fallBack(StripeClient stripe, Query query, Watermark after, String lastId, int maxItems) {
        stripe.warn("Stripe no longer has " + kind + " '" + lastId + "', the last one trigger " + name + " took; "
                + "reading the " + kind + "s created at or after " + Instant.ofEpochSecond(after.position())
                + " instead, so those of that second already taken come again");
        return createdFrom(stripe, query, after.position(), maxItems);
    }

    /**
     * The oldest {@code maxItems} objects created at or after {@code position}: the whole range is read newest
     * first, and only the last {@code maxItems} read are kept.
     */
    private PollPage createdFrom(StripeClient stripe, Query query, long position, int maxItems) {
        Map<String, String> params = query.params(query.pageSize());
        params.put("created[gte]", Long.toString(position));
        Deque<JsonNode> oldest = new ArrayDeque<>();
        long seen = 0;
        for (Iterator<JsonNode> newestFirst = stripe.list(path, params, query.expand()).iterator();
             newestFirst.hasNext(); seen++) {
            oldest.addLast(newestFirst.next());
            if (oldest.size() > maxItems) {
                oldest.removeFirst();
            }
        }
        List<JsonNode> items = new ArrayList<>(oldest);
        Collections.reverse(items);
        return page(items, new Watermark(position, null), seen > maxItems);
    }

    /** No objects, and the newest one's watermark, or now's when there is none. */
    private PollPage newest(StripeClient stripe, Query query) {
        List<JsonNode> newest = stripe.page(path, query.params(1), List.of()).data();
        Watermark mark = newest.isEmpty()
                ? new Watermark(Math.max(0, stripe.clock().instant().getEpochSecond()), null)
                : mark(newest.get(0));
        return new PollPage(List.of(), mark, false);
    }

    /** {@code items} (oldest first), with the newest one's watermark, or {@code unchanged} when there are none. */
    private PollPage page(List<JsonNode> items, Watermark unchanged, boolean more) {
        Watermark mark = unchanged;
        for (JsonNode item : items) {
            mark = mark(item);
        }
        return new PollPage(items, mark, more);
    }

    private Watermark mark(JsonNode item) {
        JsonNode id = item.path("id");
        JsonNode created = item.path("created");
        if (!id.isTextual() || id.asText().isBlank() || !created.isIntegralNumber() || !created.canConvertToLong()
                || created.asLong() < 0) {
            throw new MappingException("Stripe answered GET " + path + " with a " + kind + " whose id is "
                    + shown(id) + " and created is " + shown(created) + "; expected an id and a time in epoch seconds");
        }
        return new Watermark(created.asLong(), id.asText());
    }

    private Query query(Map<String, String> values) {
        Map<String, String> parsed = options.parse(values);
        String expand = parsed.getOrDefault(EXPAND, NONE).strip();
        List<String> fields = expand.equals(NONE) ? List.of()
                : StripeConfig.split(expand).stream().map(field -> "data." + field).toList();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Filter filter : filters) {
            Optional.ofNullable(parsed.get(filter.option())).map(String::strip)
                    .ifPresent(value -> chosen.put(filter.option(), value));
        }
        return new Query(fields, chosen, Integer.parseInt(parsed.get(PAGE_SIZE).strip()));
    }

    private static boolean cursorMissing(StripeException e) {
        return (e.status() == 400 || e.status() == 404) && "resource_missing".equals(e.code())
                && "ending_before".equals(e.param());
    }

    private static Optional<String> expandProblem(String value, String kind, String examples) {
        List<String> fields = StripeConfig.split(value);
        if (fields.size() == 1 && fields.get(0).equals(NONE)) {
            return Optional.empty();
        }
        for (String field : fields) {
            if (field.startsWith("data.")) {
                return Optional.of("item '" + field + "' starts with data.; expected a field of each " + kind
                        + " such as " + examples + " (the trigger adds data. itself)");
            }
            if (!FIELD_PATH.matcher(field).matches()) {
                return Optional.of((field.isEmpty() ? "an item is empty" : "item '" + field + "' is not a field path")
                        + "; expected comma-separated fields of a " + kind + " such as " + examples
                        + ", at most 3 levels deep, or " + NONE);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> customerId(String value) {
        String id = value.strip();
        return id.startsWith("cus_") && id.length() > 4 && id.chars().allMatch(c -> c > ' ' && c < 0x7f)
                ? Optional.empty()
                : Optional.of("value '" + id + "' is not a customer id; expected one such as cus_4QWKsZuuTHcs7X");
    }

    private static Optional<String> email(String value) {
        String email = value.strip();
        int at = email.indexOf('@');
        return at > 0 && at < email.length() - 1 && email.length() <= MAX_EMAIL
                && email.chars().noneMatch(Character::isWhitespace)
                ? Optional.empty()
                : Optional.of("value '" + email + "' is not an email address; expected one such as ada@example.com, "
                        + "up to " + MAX_EMAIL + " characters");
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "missing" : node.toString();
    }

    private static String typeOf(@Nullable Object client) {
        return client == null ? "null" : client.getClass().getName();
    }
}
