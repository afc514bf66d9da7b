package org.openpayloads.bench.inbound;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The inbound load tool: posts signed Stripe {@code charge.succeeded} events ({@link StripeEvents}) to a webhook
 * endpoint over N keep-alive connections, one thread each, and reports requests, requests/s, latency percentiles
 * and statuses, as text and as one line of JSON.
 *
 * <p>By time (the default): a warm-up, then a measured phase; every request that starts in the measured phase is
 * recorded. By count ({@code --events N}): exactly N events, all measured, no warm-up; the JSON's start and end
 * times then bound the sending of the whole batch, for end-to-end runs. Exits with 1 when more than 0.1 % of the
 * measured requests got no 2xx answer (or none was measured), 2 on bad options.
 *
 * <pre>
 * java -cp 'bench/target/payloads-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' \
 *     org.openpayloads.bench.inbound.InboundLoad --url http://127.0.0.1:8080/in/stripe/charge \
 *     --secret whsec_… --connections 16 --warmup 5s --duration 20s
 * </pre>
 */
@Command(name = "inbound-load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Posts signed Stripe charge.succeeded webhooks over keep-alive connections and reports "
                + "requests/s, latency percentiles and statuses.")
public final class InboundLoad implements Callable<Integer> {

    static final int EXIT_FAILED = 1;

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/in/stripe/charge",
            description = "The endpoint events are posted to. Default: ${DEFAULT-VALUE}.")
    URI url = URI.create("http://127.0.0.1:8080/in/stripe/charge");

    @Option(names = "--secret", required = true, description = "The endpoint's signing secret (whsec_…).")
    String secret = "";

    @Option(names = "--connections", defaultValue = "16",
            description = "Concurrent keep-alive connections, one thread each. Default: ${DEFAULT-VALUE}.")
    int connections = 16;

    @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class,
            description = "How long the measured phase lasts (20s, 2m, …). Default: ${DEFAULT-VALUE}.")
    Duration duration = Duration.ofSeconds(20);

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "Load sent before measuring; not used with --events. Default: ${DEFAULT-VALUE}.")
    Duration warmup = Duration.ofSeconds(5);

    @Option(names = "--events", description = "Send exactly this many events, all measured, instead of running "
            + "for --warmup and --duration.")
    @Nullable Long events;

    @Option(names = "--customers", defaultValue = "4000",
            description = "Customers the events are spread over, round robin. Default: ${DEFAULT-VALUE}.")
    int customers = 4000;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "Connect and read timeout of each request. Default: ${DEFAULT-VALUE}.")
    Duration timeout = Duration.ofSeconds(30);

    @Option(names = "--label", defaultValue = "", description = "A name for this run, copied into the JSON summary.")
    String label = "";

    public static void main(String[] args) {
        System.exit(new CommandLine(new InboundLoad()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        PrintStream out = System.out;
        StripeEvents pool = StripeEvents.forNewRun(customers);
        out.printf(Locale.ROOT, "Inbound load: %s, %d connection(s), %s; %,d customers, events of %,d bytes at most%n",
                url, connections, events == null ? seconds(warmup) + " warm-up then " + seconds(duration) + " measured"
                        : String.format(Locale.ROOT, "%,d events", events), customers, pool.maxLength());

        long clockMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        LoadWorker.Schedule schedule = events == null
                ? new LoadWorker.Schedule(start + warmup.toNanos(), start + warmup.toNanos() + duration.toNanos(),
                        Long.MAX_VALUE)
                : new LoadWorker.Schedule(start, Long.MAX_VALUE, events);
        List<LoadWorker> workers = run(pool, schedule);

        LoadReport report = LoadReport.of(settings(), workers, clockMillis, start);
        out.println(report.text());
        out.println(report.json());
        for (LoadWorker worker : workers) {
            if (worker.crash() != null) {
                System.err.println("A connection's thread failed: " + worker.crash());
                return EXIT_FAILED;
            }
        }
        if (!report.passed()) {
            System.err.printf(Locale.ROOT, "FAILED: %,d of %,d requests got no 2xx answer (more than %.1f %%); "
                            + "first: %s%n", report.failures(), report.requests(), LoadReport.MAX_FAILURE_RATE * 100,
                    report.firstFailure() == null ? "none measured" : report.firstFailure());
            return EXIT_FAILED;
        }
        return 0;
    }

    private List<LoadWorker> run(StripeEvents pool, LoadWorker.Schedule schedule) throws InterruptedException {
        AtomicLong sequences = new AtomicLong();
        List<LoadWorker> workers = new ArrayList<>(connections);
        List<Thread> threads = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            LoadWorker worker = new LoadWorker(url, timeout, pool, secret, sequences, schedule);
            workers.add(worker);
            threads.add(new Thread(worker, "load-" + (i + 1)));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return workers;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("label", label);
        settings.put("url", url.toString());
        settings.put("connections", connections);
        settings.put("customers", customers);
        if (events == null) {
            settings.put("warmupSeconds", warmup.toMillis() / 1000.0);
            settings.put("durationSeconds", duration.toMillis() / 1000.0);
        } else {
            settings.put("events", events);
        }
        return settings;
    }

    private void checkOptions() {
        List<String> problems = new ArrayList<>();
        if (connections < 1 || connections > 4096) {
            problems.add("--connections is " + connections + "; expected 1 to 4096");
        }
        if (customers < 1 || customers > StripeEvents.MAX_CUSTOMERS) {
            problems.add("--customers is " + customers + "; expected 1 to " + StripeEvents.MAX_CUSTOMERS);
        }
        if (events != null && events < 1) {
            problems.add("--events is " + events + "; expected 1 or more");
        }
        if (events == null && duration.isZero()) {
            problems.add("--duration is 0; expected a measured phase, such as 20s");
        }
        if (secret.isBlank()) {
            problems.add("--secret is blank; expected the endpoint's signing secret (whsec_…)");
        }
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            problems.add("--url '" + url + "' is not an http://host[:port]/path URL");
        }
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(),
                    String.join("; ", problems));
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
