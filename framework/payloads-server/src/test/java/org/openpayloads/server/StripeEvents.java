package org.openpayloads.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.openpayloads.testkit.Fixtures;

/**
 * Stripe {@code charge.succeeded} events built on Stripe's published charge ({@code fixtures/stripe}), signed
 * the way Stripe signs webhooks: {@code Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 */
final class StripeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode CHARGE_DATA = chargeData();

    private StripeEvents() {
    }

    /** An event with its own id, for one customer, with the billing name and email set. */
    static byte[] chargeSucceeded(String eventId, String customer) {
        return chargeSucceeded(eventId, customer, "Customer " + customer, 500, "usd");
    }

    /**
     * An event with its own id; a null customer makes a guest charge. The billing name is {@code name} and
     * the email is made from the customer (or the event, for a guest).
     */
    static byte[] chargeSucceeded(String eventId, @Nullable String customer, String name, long amount,
                                  String currency) {
        ObjectNode data = CHARGE_DATA.deepCopy();
        ObjectNode charge = (ObjectNode) data.get("object");
        charge.put("id", "ch_" + eventId);
        charge.put("customer", customer);
        charge.put("amount", amount);
        charge.put("currency", currency);
        ObjectNode billing = (ObjectNode) charge.get("billing_details");
        billing.put("name", name);
        billing.put("email", (customer == null ? eventId : customer) + "@example.com");
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2024-06-20");
        event.put("created", 1_700_000_000L);
        event.put("livemode", false);
        event.put("type", "charge.succeeded");
        event.set("data", data);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Stripe-Signature header of {@code body}, signed at {@code timestamp} (Unix seconds). */
    static String signature(byte[] body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed now. */
    static String signature(byte[] body, String secret) {
        return signature(body, secret, System.currentTimeMillis() / 1000);
    }

    /** The event as a tree, to change before it is sent. */
    static ObjectNode tree(byte[] event) {
        try {
            return (ObjectNode) JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event with another type, such as {@code charge.refunded}. */
    static byte[] withType(byte[] event, String type) {
        ObjectNode tree = tree(event);
        tree.put("type", type);
        return bytes(tree);
    }

    private static ObjectNode chargeData() {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.bytes("stripe/event-data-charge.succeeded.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
