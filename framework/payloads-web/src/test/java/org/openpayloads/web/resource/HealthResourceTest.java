package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.testkit.InMemoryRecordClient;
import org.openpayloads.web.HealthCheck;
import org.openpayloads.web.InMemoryCredentials;
import org.openpayloads.web.InMemoryIntegrations;
import org.openpayloads.web.InMemoryPayloads;
import org.openpayloads.web.InMemoryTokens;
import org.openpayloads.web.TestServer;
import org.openpayloads.web.WebServices;
import org.openpayloads.web.dto.HealthDto;

class HealthResourceTest {

    record Check(String name, boolean up) implements HealthCheck {
        @Override
        public boolean isUp() {
            return up;
        }
    }

    record Broken(String name) implements HealthCheck {
        @Override
        public boolean isUp() {
            throw new IllegalStateException("cannot reach the database");
        }
    }

    @Test
    void isUpWhenEveryCheckIsUp() {
        Response response = health(new Check("database", true), new Check("org", true));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo(new HealthDto("UP", java.util.Map.of("database", "UP", "org", "UP")));
    }

    @Test
    void isDownWhenAnyCheckIsDownOrThrows() {
        Response response = health(new Check("database", true), new Broken("org"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((HealthDto) response.getEntity()).status()).isEqualTo("DOWN");
        assertThat(((HealthDto) response.getEntity()).checks()).containsEntry("database", "UP").containsEntry("org", "DOWN");
    }

    @Test
    void isUpWithoutChecks() {
        assertThat(health().getStatus()).isEqualTo(200);
    }

    private static Response health(HealthCheck... checks) {
        Clock clock = Clock.systemUTC();
        InMemoryCredentials credentials = new InMemoryCredentials(clock);
        ConfigurationService configuration = new ConfigurationService(new InMemoryIntegrations(clock),
                new InMemoryPayloads(clock), credentials);
        MappingService mapping = TestServer.mappingService(configuration, (i, c) -> Optional.empty(), clock,
                new InMemoryRecordClient(List.of()));
        TestServer.Pipeline pipeline = TestServer.Pipeline.create(configuration, credentials, mapping, clock);
        WebServices services = new WebServices(configuration, pipeline.jobs(),
                new AdminTokenService(new InMemoryTokens(), clock), mapping, pipeline.inbound(), List.of(checks));
        return new HealthResource(services).health();
    }
}
