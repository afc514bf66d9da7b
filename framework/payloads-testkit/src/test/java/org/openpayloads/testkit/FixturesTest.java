package org.openpayloads.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {

    @TempDir
    Path dir;

    @Test
    void findsTheSharedFixturesAboveTheWorkingDirectory() {
        assertThat(Fixtures.root()).isDirectory().endsWith(Path.of("shared", "fixtures"));
        assertThat(Fixtures.text("salesforce/oauth-token-error-invalid_grant.json")).contains("invalid_grant");
        assertThat(Fixtures.bytes("salesforce/sobject-upsert-updated-204.empty")).isEmpty();
    }

    @Test
    void aMissingFixtureSaysWhereItLooked() {
        assertThatThrownBy(() -> Fixtures.path("salesforce/no-such-file.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No fixture 'salesforce/no-such-file.json' in");
        assertThatThrownBy(() -> Fixtures.path("../../etc/passwd")).hasMessageContaining("No fixture");
    }

    @Test
    void walksUpUntilItFindsSharedFixtures() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("checkout/shared/fixtures"));
        Path deep = Files.createDirectories(dir.resolve("checkout/main/connectors/connector-x"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/deep"));

        assertThat(Fixtures.findUpwards(deep)).isEqualTo(fixtures);
        assertThat(Fixtures.findUpwards(elsewhere)).isNull();
    }

    @Test
    void thePropertyWinsAndMustNameADirectory() {
        System.setProperty(Fixtures.PROPERTY, dir.resolve("missing").toString());
        try {
            assertThatThrownBy(Fixtures::root).hasMessageContaining("which is not a directory");
            System.setProperty(Fixtures.PROPERTY, dir.toString());
            assertThat(Fixtures.root()).isEqualTo(dir.toAbsolutePath().normalize());
        } finally {
            System.clearProperty(Fixtures.PROPERTY);
        }
    }
}
