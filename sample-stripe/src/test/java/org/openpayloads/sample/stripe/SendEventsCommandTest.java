package org.openpayloads.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.server.PayloadsServer;
import org.openpayloads.server.SalesforceSettings;
import org.openpayloads.server.SampleSettings;
import org.openpayloads.server.ServerSettings;
import org.openpayloads.testkit.TestDatabase;
import picocli.CommandLine;

/** The event sender against the real server with the sample loaded, as the README's demo runs them. */
class SendEventsCommandTest {

    private static final String SECRET = "whsec_sender_test_0123456789";
    private static TestDatabase database;
    private static PayloadsServer server;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(TestDatabase.Kind.HSQLDB);
        server = PayloadsServer.start(new ServerSettings("127.0.0.1", 0, database.dataDirectory(),
                database.jdbcUrl(), database.user(), database.password(), 8, null, "sender-test-admin-token-0123",
                Duration.ofSeconds(2), SalesforceSettings.EMBEDDED).withSamples(new SampleSettings(List.of("stripe"),
                Map.of("STRIPE_WEBHOOK_SECRET", SECRET))), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void eventsOverFourCustomersSentTwiceMakeFourAccountsAndNoMore() throws InterruptedException {
        Run run = send(Map.of("STRIPE_WEBHOOK_SECRET", SECRET), "--count", "12", "--customers", "4", "--redeliver",
                "--guest-every", "6", "--concurrency", "6");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Sent 24 events (4 customers, each twice)").contains("{200=12, 202=12}");
        awaitCount("SELECT Id FROM Stripe_Charge__c", 10);
        assertThat(count("SELECT Id FROM Account WHERE Stripe_Customer_Id__c LIKE 'cus_demo%'")).isEqualTo(4);
        assertThat(count("SELECT Id FROM Contact WHERE Stripe_Customer_Id__c LIKE 'cus_demo%'")).isEqualTo(4);
    }

    @Test
    void theWrongSecretIsReportedAndFailsTheRun() {
        Run run = send(Map.of(), "--count", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("{401=2}").contains("check the secret");
    }

    @Test
    void aBadOptionNamesItsRange() {
        Run run = send(Map.of(), "--count", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("--count: '0' is out of range; expected 1 to 1000000");
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private static Run send(Map<String, String> environment, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine command = new CommandLine(new SendEventsCommand(printer, environment));
        command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        String[] args = new String[options.length + 1];
        args[0] = "--url=http://localhost:" + server.port() + "/in/stripe/charge";
        System.arraycopy(options, 0, args, 1, options.length);
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static long count(String soql) {
        return server.defaultOrgClient().query(soql).totalSize();
    }

    private static void awaitCount(String soql, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count(soql) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count(soql)).as(soql).isEqualTo(expected);
    }
}
