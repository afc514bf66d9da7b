package org.openpayloads.sample.stripe;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Sends signed {@code charge.succeeded} events to a webhook endpoint, as {@code stripe trigger} does: over
 * a set of demo customers that is the same on every run, so a second run updates the Accounts the first one
 * made instead of making new ones.
 */
@Command(name = "send-events", mixinStandardHelpOptions = true,
        description = "Send signed charge.succeeded webhook events to OpenPayloads.")
final class SendEventsCommand implements Callable<Integer> {

    /** The sample's signing secret when STRIPE_WEBHOOK_SECRET is not set (sample-stripe/bundle/stripe.json). */
    static final String DEMO_SECRET = "whsec_openpayloads_demo_secret";

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--url", description = "The webhook endpoint. Default: ${DEFAULT-VALUE}.")
    String url = "http://localhost:8080/in/stripe/charge";

    @Option(names = "--count", description = "Events to send. Default: ${DEFAULT-VALUE}.")
    int count = 10;

    @Option(names = "--customers", description = "Demo customers the events cover, cus_demo000001 on. "
            + "Default: ${DEFAULT-VALUE}.")
    int customers = 5;

    @Option(names = "--currency", description = "The charges' currency, such as usd or jpy. Default: ${DEFAULT-VALUE}.")
    String currency = "usd";

    @Option(names = "--guest-every", description = "Make every Nth charge a guest charge, with no customer; "
            + "0 for none. Default: ${DEFAULT-VALUE}.")
    int guestEvery = 0;

    @Option(names = "--redeliver", description = "Send every event a second time, as Stripe does on a retry.")
    boolean redeliver;

    @Option(names = "--concurrency", description = "Requests in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency = 4;

    @Option(names = "--secret", description = "The signing secret. Default: STRIPE_WEBHOOK_SECRET, else the "
            + "demo's " + DEMO_SECRET + ".")
    @Nullable String secret;

    @Option(names = "--seed", description = "Seeds amounts and event ids, to repeat a run exactly.")
    @Nullable Long seed;

    private final PrintStream out;
    private final Map<String, String> environment;

    SendEventsCommand() {
        this(System.out, System.getenv());
    }

    SendEventsCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        check(count >= 1 && count <= 1_000_000, "--count", count, "1 to 1000000");
        check(customers >= 1 && customers <= 1_000_000, "--customers", customers, "1 to 1000000");
        check(concurrency >= 1 && concurrency <= 256, "--concurrency", concurrency, "1 to 256");
        check(guestEvery >= 0, "--guest-every", guestEvery, "0 or more");
        check(currency.matches("[A-Za-z]{3}"), "--currency", currency, "a three-letter ISO code such as usd");
        URI endpoint;
        try {
            endpoint = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec().commandLine(), "--url: '" + url + "' is not a URL; expected "
                    + "one such as http://localhost:8080/in/stripe/charge");
        }
        String signingSecret = secret != null ? secret
                : environment.getOrDefault("STRIPE_WEBHOOK_SECRET", "").isEmpty() ? DEMO_SECRET
                : environment.get("STRIPE_WEBHOOK_SECRET");

        Random random = seed == null ? new Random() : new Random(seed);
        String run = Long.toString(Math.abs(random.nextLong()), 36);
        ChargeEvents events = new ChargeEvents();
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ChargeEvents.Customer customer = ChargeEvents.customer(1 + (i - 1) % customers);
            boolean guest = guestEvery > 0 && i % guestEvery == 0;
            long amount = 500 + random.nextInt(19_500);
            bodies.add(events.chargeSucceeded("evt_demo_" + run + "_" + i, "ch_demo_" + run + "_" + i,
                    guest ? null : customer, customer, currency.equalsIgnoreCase("jpy") ? amount / 10 : amount,
                    currency, Instant.now()));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            for (int pass = 0; pass < (redeliver ? 2 : 1); pass++) {
                List<Future<String>> answers = new ArrayList<>();
                for (byte[] body : bodies) {
                    answers.add(senders.submit(() -> send(client, endpoint, body, signingSecret)));
                }
                for (Future<String> answer : answers) {
                    statuses.merge(answer.get(), 1, Integer::sum);
                }
            }
        } finally {
            senders.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf("Sent %d events (%d customers%s) to %s in %d ms: %s%n", bodies.size() * (redeliver ? 2 : 1),
                Math.min(customers, count), redeliver ? ", each twice" : "", endpoint, millis, statuses);
        boolean failed = statuses.keySet().stream().anyMatch(status -> !status.startsWith("2"));
        if (failed) {
            out.println("Some events were not accepted: check the secret (--secret or STRIPE_WEBHOOK_SECRET) "
                    + "and that the server runs with the sample loaded");
        }
        return failed ? 1 : 0;
    }

    /** Posts one event; its answer's status, or what kept it from being sent. */
    private static String send(HttpClient client, URI endpoint, byte[] body, String secret) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", WebhookSigner.header(body, secret, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (java.io.IOException e) {
            return "unreachable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void check(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new ParameterException(spec().commandLine(), option + ": '" + value + "' is out of range; expected "
                    + expected);
        }
    }

    private CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command spec");
        }
        return spec;
    }
}
