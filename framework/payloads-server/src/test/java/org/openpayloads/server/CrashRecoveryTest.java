package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process on the embedded HSQLDB: a change acknowledged before {@code kill -9}
 * is there after a restart.
 */
class CrashRecoveryTest {

    private static final String TOKEN = "crash-test-admin-token-42";

    @TempDir
    Path dataDir;

    @Test
    void aCommittedChangeSurvivesKill9() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        try {
            awaitHealthy(port, first);
            for (int i = 0; i < 20; i++) {
                admin(port).body(Samples.integration("crash-" + i)).post("/api/v1/integrations").then().statusCode(201);
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(first.exitValue()).isEqualTo(137);

        Process second = startServer(port);
        try {
            awaitHealthy(port, second);
            admin(port).get("/api/v1/integrations").then().statusCode(200).body("items.size()", equalTo(20));
            admin(port).get("/api/v1/integrations/crash-19").then().statusCode(200);
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("graceful stop on SIGTERM").isTrue();
        }
    }

    private Process startServer(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), PayloadsCommand.class.getName(),
                "run", "--host", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().put("PAYLOADS_ADMIN_TOKEN", TOKEN);
        builder.environment().put("PAYLOADS_SAMPLES", "none");
        builder.environment().remove("PAYLOADS_DB_URL");
        return builder.start();
    }

    private void awaitHealthy(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(dataDir.resolve("server.log")));
            }
            try {
                if (given().port(port).get("http://127.0.0.1/health").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server not healthy in 60 s: " + Files.readString(dataDir.resolve("server.log")));
    }

    private static io.restassured.specification.RequestSpecification admin(int port) {
        return given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TOKEN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
