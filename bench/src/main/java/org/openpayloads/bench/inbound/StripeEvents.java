package org.openpayloads.bench.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openpayloads.testkit.Fixtures;

/**
 * Stripe {@code charge.succeeded} events as Stripe posts them to a webhook, over a pool of customers
 * ({@code cus_bench000001}, …), and the {@code Stripe-Signature} header that signs each one.
 *
 * <p>The charge is the shared fixture {@code stripe/event-data-charge.succeeded.json} with the customer's id and
 * billing details filled in, in Stripe's event envelope, pretty-printed UTF-8 like Stripe's deliveries (about
 * 2.7 KB). Each customer's event is serialised once, up front, as a template; event {@code n} is then its
 * customer's template with {@code n} written into the fixed-width digits of its event id ({@code evt_…}) and charge
 * id ({@code ch_…}). So every event is unique (a run tag keeps runs apart), and making one is a copy of bytes.
 * Event {@code n} is for customer {@code n % customers}: any {@code customers} consecutive events cover the pool.
 *
 * <p>Immutable and thread-safe. Signing needs a {@link Signer}, one per thread.
 */
public final class StripeEvents {

    /** The header Stripe signs webhooks with. */
    public static final String SIGNATURE_HEADER = "Stripe-Signature";
    /** The largest pool: customer ids have six digits. */
    public static final int MAX_CUSTOMERS = 999_999;

    private static final int RUN_TAG_LENGTH = 8;
    private static final int SEQUENCE_DIGITS = 16;
    private static final long MAX_SEQUENCE = 9_999_999_999_999_999L;
    private static final String FIXTURE = "stripe/event-data-charge.succeeded.json";
    private static final String RUN_TAG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String runTag;
    private final Template[] templates;
    private final int maxLength;

    /**
     * @param customers the pool size, 1 to {@value #MAX_CUSTOMERS}
     * @param runTag eight letters or digits that make this run's ids differ from other runs'
     * @param created when the events say they were created
     */
    public StripeEvents(int customers, String runTag, Instant created) {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers is " + customers + "; expected 1 to " + MAX_CUSTOMERS);
        }
        if (runTag.length() != RUN_TAG_LENGTH || !runTag.chars().allMatch(c -> RUN_TAG_ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("runTag '" + runTag + "' is not " + RUN_TAG_LENGTH
                    + " ASCII letters or digits");
        }
        this.runTag = runTag;
        JsonNode charge = fixtureCharge();
        this.templates = new Template[customers];
        int longest = 0;
        for (int i = 0; i < customers; i++) {
            templates[i] = template(charge, i, created);
            longest = Math.max(longest, templates[i].bytes.length);
        }
        this.maxLength = longest;
    }

    /** A pool of {@code customers} with a random run tag, created now. */
    public static StripeEvents forNewRun(int customers) {
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder(RUN_TAG_LENGTH);
        for (int i = 0; i < RUN_TAG_LENGTH; i++) {
            tag.append(RUN_TAG_ALPHABET.charAt(random.nextInt(RUN_TAG_ALPHABET.length())));
        }
        return new StripeEvents(customers, tag.toString(), Instant.now());
    }

    /** The id of the customer at {@code index} (from 0): {@code cus_bench000001} for 0. */
    public static String customerId(int index) {
        return String.format(Locale.ROOT, "cus_bench%06d", index + 1);
    }

    public int customers() {
        return templates.length;
    }

    /** The event id of event {@code sequence}, such as {@code evt_Xk3v9QaZ0000000000000042}. */
    public String eventId(long sequence) {
        return "evt_" + runTag + digits(sequence);
    }

    /** The length of the longest event: a buffer of this size holds any of them. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Writes event {@code sequence} into {@code buffer} from index 0.
     *
     * @return the event's length in bytes
     */
    public int write(long sequence, byte[] buffer) {
        checkSequence(sequence);
        Template template = templates[(int) (sequence % templates.length)];
        byte[] bytes = template.bytes;
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        writeDigits(sequence, buffer, template.eventDigits);
        writeDigits(sequence, buffer, template.chargeDigits);
        return bytes.length;
    }

    /** Event {@code sequence} as a new array. */
    public byte[] event(long sequence) {
        byte[] buffer = new byte[maxLength];
        return Arrays.copyOf(buffer, write(sequence, buffer));
    }

    /** A signer for one thread, keyed with the endpoint's signing secret ({@code whsec_…}). */
    public static Signer signer(String secret) {
        return new Signer(secret);
    }

    /**
     * Signs events like Stripe: {@code t=<unix seconds>,v1=<lowercase hex HMAC-SHA256 of "<t>.<body>">}, keyed
     * with the secret's UTF-8 bytes. Not thread-safe.
     */
    public static final class Signer {

        private final Mac mac;

        private Signer(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isBlank()) {
                throw new IllegalArgumentException("secret is blank; expected the endpoint's signing secret (whsec_…)");
            }
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        }

        /** The {@value #SIGNATURE_HEADER} value for {@code body[offset, offset + length)} signed at {@code timestamp}. */
        public String header(long timestamp, byte[] body, int offset, int length) {
            String time = Long.toString(timestamp);
            mac.update(time.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body, offset, length);
            return "t=" + time + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
        }
    }

    /** One customer's serialised event, and where the digits of its two ids start. */
    private record Template(byte[] bytes, int eventDigits, int chargeDigits) {
    }

    private Template template(JsonNode fixtureCharge, int index, Instant created) {
        String customer = customerId(index);
        String number = customer.substring("cus_bench".length());
        ObjectNode charge = fixtureCharge.deepCopy();
        charge.put("id", "ch_" + runTag + digits(0));
        charge.put("created", created.getEpochSecond());
        charge.put("customer", customer);
        ObjectNode billing = (ObjectNode) charge.get("billing_details");
        billing.put("email", "bench" + number + "@example.com");
        billing.put("name", "Bench Customer " + number);
        billing.put("phone", "+15550" + number);
        ObjectNode event = JSON.createObjectNode()
                .put("id", eventId(0))
                .put("object", "event")
                .put("api_version", "2023-10-16")
                .put("created", created.getEpochSecond());
        event.putObject("data").set("object", charge);
        event.put("livemode", false).put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        event.put("type", "charge.succeeded");
        byte[] bytes = pretty(event);
        return new Template(bytes, digitsAfter(bytes, "\"evt_" + runTag), digitsAfter(bytes, "\"ch_" + runTag));
    }

    /** Stripe's layout: two-space indent, {@code "name": value}, {@code {}} and {@code []} when empty. */
    private static byte[] pretty(JsonNode event) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        try {
            return JSON.writer(printer).writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a Stripe event", e);
        }
    }

    private static JsonNode fixtureCharge() {
        try {
            JsonNode charge = JSON.readTree(Fixtures.bytes(FIXTURE)).get("object");
            if (charge == null || !charge.path("billing_details").isObject()) {
                throw new IllegalStateException("Fixture " + FIXTURE + " has no object.billing_details; expected the "
                        + "data member of a charge.succeeded event");
            }
            return charge;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse fixture " + FIXTURE, e);
        }
    }

    /** Where the digits start after the only occurrence of {@code prefix}. */
    private static int digitsAfter(byte[] bytes, String prefix) {
        byte[] wanted = prefix.getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                if (found >= 0) {
                    throw new IllegalStateException("'" + prefix + "' occurs twice in the event; expected once");
                }
                found = i + wanted.length;
            }
        }
        if (found < 0) {
            throw new IllegalStateException("'" + prefix + "' is not in the event");
        }
        return found;
    }

    private static String digits(long sequence) {
        checkSequence(sequence);
        byte[] digits = new byte[SEQUENCE_DIGITS];
        writeDigits(sequence, digits, 0);
        return new String(digits, StandardCharsets.US_ASCII);
    }

    private static void writeDigits(long sequence, byte[] buffer, int offset) {
        long rest = sequence;
        for (int i = offset + SEQUENCE_DIGITS - 1; i >= offset; i--) {
            buffer[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static void checkSequence(long sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence is " + sequence + "; expected 0 to " + MAX_SEQUENCE);
        }
    }
}
