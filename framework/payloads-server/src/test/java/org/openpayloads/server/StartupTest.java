package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.testkit.TestDatabase;

@org.junit.jupiter.api.Tag("database")
class StartupTest {

    @Test
    void printsAFirstAdminTokenOnceWhenNoneIsPreset() {
        try (TestDatabase db = TestDatabase.create()) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
            try (PayloadsServer server = PayloadsServer.start(settings(db, null, null), Clock.systemUTC(), out)) {
                assertThat(console.toString(StandardCharsets.UTF_8)).contains("First admin token", "opl_");
            }
            console.reset();
            try (PayloadsServer server = PayloadsServer.start(settings(db, null, null), Clock.systemUTC(), out)) {
                assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("opl_");
            }
        }
    }

    @Test
    void aWrongMasterKeyFailsStartupClearly() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        try (TestDatabase db = TestDatabase.create()) {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            PayloadsServer.start(settings(db, key, "admin-token-0123456789"), Clock.systemUTC(), quiet).close();
            assertThatThrownBy(() -> PayloadsServer.start(
                    settings(db, Base64.getEncoder().encodeToString(other), "admin-token-0123456789"),
                    Clock.systemUTC(), quiet))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("PAYLOADS_MASTER_KEY")
                    .hasMessageNotContaining(key);
        }
    }

    private static ServerSettings settings(TestDatabase db, String masterKey, String token) {
        Path dataDir = db.dataDirectory();
        return new ServerSettings("127.0.0.1", 0, dataDir, db.jdbcUrl(), db.user(), db.password(), 2, masterKey,
                token, Duration.ofSeconds(1), SalesforceSettings.EMBEDDED);
    }
}
