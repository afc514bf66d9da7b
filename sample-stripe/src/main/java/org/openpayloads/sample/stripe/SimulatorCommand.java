package org.openpayloads.sample.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@link StripeSimulator} until stopped, adding a charge every so often if asked to. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Serve /v1/charges and /v1/customers/{id} like Stripe's API, from a data file or demo data.")
final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
    int port = 12111;

    @Option(names = "--data", description = "A JSON file {\"customers\": [...], \"charges\": [...]} of Stripe "
            + "objects. Default: demo data made from --customers and --charges.")
    @Nullable Path data;

    @Option(names = "--customers", description = "Demo customers, when no --data. Default: ${DEFAULT-VALUE}.")
    int customers = 5;

    @Option(names = "--charges", description = "Demo charges over the last day, when no --data. "
            + "Default: ${DEFAULT-VALUE}.")
    int charges = 20;

    @Option(names = "--new-charge-every", description = "Seconds between new charges of a random demo customer; "
            + "0 for none. Default: ${DEFAULT-VALUE}.")
    int newChargeEvery = 0;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        JsonNode objects = data != null ? new ObjectMapper().readTree(data.toFile())
                : StripeSimulator.demoData(Math.max(1, customers), Math.max(0, charges), clock);
        try (StripeSimulator simulator = StripeSimulator.start(port, objects, clock)) {
            out.printf("Stripe simulator on http://127.0.0.1:%d: %d charges; any sk_test_ key is accepted. "
                    + "Set STRIPE_API_BASE=http://127.0.0.1:%d for the server. Ctrl-C stops it.%n",
                    simulator.port(), simulator.chargeCount(), simulator.port());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            if (newChargeEvery > 0) {
                Random random = new Random();
                timer.scheduleAtFixedRate(() -> {
                    JsonNode charge = simulator.addCharge(1 + random.nextInt(Math.max(1, customers)),
                            500 + random.nextInt(19_500), "usd");
                    out.printf("New charge %s of %s%n", charge.path("id").asText(), charge.path("customer").asText());
                }, newChargeEvery, newChargeEvery, TimeUnit.SECONDS);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            timer.shutdownNow();
        }
        return 0;
    }
}
