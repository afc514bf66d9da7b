package org.openpayloads.sample.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code charge.succeeded} events shaped like Stripe's: each is the published charge (see this package's
 * resources) with its own ids, customer, billing details, amount, currency and time, in the event envelope
 * Stripe posts.
 */
public final class ChargeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "charge.succeeded-data.json";
    private static final List<String> FIRST = List.of("Jenny", "Ada", "Grace", "Alan", "Katherine", "Linus",
            "Margaret", "Dennis", "Barbara", "Ken");
    private static final List<String> LAST = List.of("Rosen", "Lovelace", "Hopper", "Turing", "Johnson",
            "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson");
    private static final List<String[]> CITIES = List.of(new String[] {"San Francisco", "CA", "94107", "US"},
            new String[] {"London", null, "EC1A 1BB", "GB"}, new String[] {"Tokyo", null, "100-0001", "JP"},
            new String[] {"Paris", null, "75001", "FR"}, new String[] {"Toronto", "ON", "M5H 2N2", "CA"});

    private final ObjectNode template;

    public ChargeEvents() {
        try (InputStream in = ChargeEvents.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("The charge template " + TEMPLATE + " is missing from the jar");
            }
            this.template = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo's customer number {@code n} (from 1): the same id, name and address on every run. */
    public static Customer customer(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("customer number must be 1 or more, was " + n);
        }
        String first = FIRST.get((n - 1) % FIRST.size());
        // Ada Lovelace, Grace Hopper...: a distinct name for each of the first hundred customers.
        String last = LAST.get((n - 1 + (n - 1) / FIRST.size()) % LAST.size());
        String[] city = CITIES.get((n - 1) % CITIES.size());
        return new Customer(String.format(Locale.ROOT, "cus_demo%06d", n), first + " " + last,
                (first + "." + last + n + "@example.com").toLowerCase(Locale.ROOT),
                String.format(Locale.ROOT, "+1 415 555 %04d", n % 10_000), n + " Market Street", city[0], city[1],
                city[2], city[3]);
    }

    /** A customer as the charge's billing details show it. */
    public record Customer(String id, String name, String email, String phone, String line1, String city,
                           @Nullable String state, String postalCode, String country) {
    }

    /** The charge itself, as {@code GET /v1/charges/{id}} answers: the published charge with these values. */
    public ObjectNode charge(String chargeId, @Nullable Customer customer, Customer billing, long amount,
                             String currency, Instant created) {
        ObjectNode charge = JSON.createObjectNode();
        // The published charge leaves out the type Stripe puts first in every object.
        charge.put("id", chargeId);
        charge.put("object", "charge");
        ObjectNode published = ((ObjectNode) template.get("object")).deepCopy();
        published.remove(List.of("id", "object"));
        charge.setAll(published);
        charge.put("customer", customer == null ? null : customer.id());
        charge.put("amount", amount);
        charge.put("amount_captured", amount);
        charge.put("currency", currency.toLowerCase(Locale.ROOT));
        charge.put("created", created.getEpochSecond());
        charge.put("description", "OpenPayloads demo charge " + chargeId);
        ObjectNode details = charge.putObject("billing_details");
        ObjectNode address = details.putObject("address");
        address.put("city", billing.city());
        address.put("country", billing.country());
        address.put("line1", billing.line1());
        address.putNull("line2");
        address.put("postal_code", billing.postalCode());
        address.put("state", billing.state());
        details.put("email", billing.email());
        details.put("name", billing.name());
        details.put("phone", billing.phone());
        return charge;
    }

    /**
     * One event's body.
     *
     * @param customer the charge's customer; null for a guest charge (its billing details are still set)
     * @param amount in the currency's minor units, as Stripe sends it
     */
    public byte[] chargeSucceeded(String eventId, String chargeId, @Nullable Customer customer, Customer billing,
                                  long amount, String currency, Instant created) {
        ObjectNode data = JSON.createObjectNode();
        data.set("object", charge(chargeId, customer, billing, amount, currency, created));
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2024-06-20");
        event.put("created", created.getEpochSecond());
        event.set("data", data);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        event.put("type", "charge.succeeded");
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
