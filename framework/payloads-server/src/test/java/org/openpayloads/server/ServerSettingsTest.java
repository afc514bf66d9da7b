package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.poll.PollSettings;
import org.openpayloads.server.ServerSettings.Setting;
import org.openpayloads.store.DatabaseUpkeep;

class ServerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToPort8080AndEmbeddedHsqldbUnderData() {
        ServerSettings settings = ServerSettings.resolve(Map.of(), Map.of(), null);
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dbUrl()).isNull();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.poolSize()).isEqualTo(20);
        assertThat(settings.pipeline()).isEqualTo(PipelineSettings.DEFAULTS);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = dir.resolve("payloads.properties");
        Files.writeString(file, "port=7000\ndb.pool.size=3\ndata.dir=/srv/payloads\n");
        ServerSettings settings = ServerSettings.resolve(Map.of(Setting.PORT, "9000"),
                Map.of("PAYLOADS_PORT", "8000", "PAYLOADS_DB_POOL_SIZE", "5"), file);
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.poolSize()).isEqualTo(5);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/payloads"));
    }

    @Test
    void readsPostgresqlSettingsFromTheEnvironment() {
        ServerSettings settings = ServerSettings.resolve(Map.of(), Map.of(
                "PAYLOADS_DB_URL", "jdbc:postgresql://db:5432/payloads", "PAYLOADS_DB_USER", "app",
                "PAYLOADS_DB_PASSWORD", "s3cret-password"), null);
        assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/payloads");
        assertThat(settings.dbUser()).isEqualTo("app");
        assertThat(settings.toString()).doesNotContain("s3cret-password");
    }

    @Test
    void theDefaultOrgIsEmbeddedUnlessASalesforceLoginUrlIsSet() {
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), null).salesforce().embedded()).isTrue();
        ServerSettings real = ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_SALESFORCE_URL",
                "https://test.salesforce.com/", "PAYLOADS_SALESFORCE_CLIENT_ID", "3MVG9",
                "PAYLOADS_SALESFORCE_CLIENT_SECRET", "consumer-secret-value"), null);
        assertThat(real.salesforce().loginUrl()).isEqualTo("https://test.salesforce.com");
        assertThat(real.toString()).doesNotContain("consumer-secret-value");
        assertThat(ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_ORG_TRANSPORT", "http"), null)
                .salesforce().transport()).isEqualTo(SalesforceSettings.OrgTransport.HTTP);
    }

    @Test
    void aSalesforceUrlNeedsTheClientCredentials() {
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_SALESFORCE_URL", "login.example",
                "PAYLOADS_ORG_TRANSPORT", "pigeon"), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("PAYLOADS_SALESFORCE_URL", "PAYLOADS_SALESFORCE_CLIENT_ID",
                                "PAYLOADS_SALESFORCE_CLIENT_SECRET", "PAYLOADS_ORG_TRANSPORT"));
    }

    @Test
    void pollingTicksEverySecondWithAThirtySecondLeaseUnlessSet() {
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), null).pipeline().polling())
                .isEqualTo(PollSettings.DEFAULTS);
        PollSettings set = ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_POLL_TICK_MILLIS", "250",
                "PAYLOADS_POLL_LEASE_SECONDS", "5"), null).pipeline().polling();
        assertThat(set.tick()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.lease()).isEqualTo(Duration.ofSeconds(5));

        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_POLL_TICK_MILLIS", "2000",
                "PAYLOADS_POLL_LEASE_SECONDS", "5"), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("PAYLOADS_POLL_LEASE_SECONDS");
                            assertThat(error.message()).contains("'5' is less than three polling ticks (2000 ms each)")
                                    .contains("expected at least 6");
                        }));
    }

    @Test
    void theStripeSampleIsLoadedUnlessSamplesAreNone() {
        ServerSettings defaults = ServerSettings.resolve(Map.of(), Map.of("STRIPE_WEBHOOK_SECRET", "whsec_x"), null);
        assertThat(defaults.samples().names()).containsExactly("stripe");
        assertThat(defaults.samples().variables()).containsEntry("STRIPE_WEBHOOK_SECRET", "whsec_x");
        assertThat(defaults.toString()).doesNotContain("whsec_x");
        assertThat(ServerSettings.resolve(Map.of(Setting.SAMPLES, "none"), Map.of(), null).samples().names())
                .isEmpty();
        assertThat(ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_SAMPLES", " stripe,stripe "), null).samples()
                .names()).containsExactly("stripe");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_SAMPLES", "stripe,shopify"),
                null)).isInstanceOf(ConfigException.class).hasMessageContaining("PAYLOADS_SAMPLES")
                .hasMessageContaining("'shopify' is not a sample; expected a comma-separated list of [stripe], or none");
    }

    @Test
    void serversRunInTheSandboxUnlessSetToProduction() {
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), null).environment())
                .isEqualTo(EnvironmentProfile.SANDBOX);
        assertThat(ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_ENVIRONMENT", "Production"), null).environment())
                .isEqualTo(EnvironmentProfile.PRODUCTION);
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_ENVIRONMENT", "staging"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAYLOADS_ENVIRONMENT")
                .hasMessageContaining("'staging' is not an environment; expected sandbox or production");
    }

    @Test
    void theDatabaseUpkeepIsAutomaticUnlessSet() {
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), null).dbUpkeep()).isEqualTo(DatabaseUpkeep.Mode.AUTO);
        assertThat(ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_DB_UPKEEP", "OFF"), null).dbUpkeep())
                .isEqualTo(DatabaseUpkeep.Mode.OFF);
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_DB_UPKEEP", "daily"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAYLOADS_DB_UPKEEP")
                .hasMessageContaining("'daily' is not an upkeep mode; expected auto (when PostgreSQL's autovacuum is "
                        + "off), on or off");
    }

    @Test
    void aSandboxServerRefusesAProductionOrgAsItsDefaultOrg() {
        Map<String, String> production = Map.of("PAYLOADS_SALESFORCE_URL", "https://login.salesforce.com",
                "PAYLOADS_SALESFORCE_CLIENT_ID", "3MVG9", "PAYLOADS_SALESFORCE_CLIENT_SECRET", "s3cr3t");

        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), production, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAYLOADS_SALESFORCE_URL")
                .hasMessageContaining("production org").hasMessageNotContaining("s3cr3t");
        Map<String, String> both = new java.util.HashMap<>(production);
        both.put("PAYLOADS_ENVIRONMENT", "production");
        assertThat(ServerSettings.resolve(Map.of(), both, null).environment()).isEqualTo(EnvironmentProfile.PRODUCTION);
    }

    @Test
    void theMappingEngineRunsInUtcWithFiveMinutesOfLookupCacheUnlessSetOtherwise() {
        assertThat(ServerSettings.resolve(Map.of(), Map.of(), null).mapping()).isEqualTo(MappingSettings.DEFAULTS);
        assertThat(MappingSettings.DEFAULTS.lookupCacheTtl()).isEqualTo(java.time.Duration.ofMinutes(5));
        ServerSettings paris = ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_TIME_ZONE", "Europe/Paris",
                "PAYLOADS_LOOKUP_CACHE_SECONDS", "0"), null);
        assertThat(paris.mapping()).isEqualTo(new MappingSettings(java.time.ZoneId.of("Europe/Paris"),
                java.time.Duration.ZERO));
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_TIME_ZONE", "Mars/Olympus",
                "PAYLOADS_LOOKUP_CACHE_SECONDS", "-1"), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("PAYLOADS_LOOKUP_CACHE_SECONDS", "PAYLOADS_TIME_ZONE");
                    assertThat(e.errors()).extracting(FieldError::message)
                            .anySatisfy(m -> assertThat(m).contains("'Mars/Olympus' is not a time zone"));
                });
    }

    @Test
    void namesEveryBadSettingByWhereItCameFrom() {
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(Setting.PORT, "eighty"),
                Map.of("PAYLOADS_DB_POOL_SIZE", "0"), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("--port", "PAYLOADS_DB_POOL_SIZE"));
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of("PAYLOADS_DB_URL", "jdbc:mysql://x"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> ServerSettings.resolve(Map.of(), Map.of(), dir.resolve("missing.properties")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--config");
    }
}
