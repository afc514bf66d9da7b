package org.openpayloads.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.ApiClient;
import org.openpayloads.api.connector.ApiConnector;
import org.openpayloads.api.connector.Connector;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.connector.JdkHttpTransport;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.PollingTrigger;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.mapping.CredentialResolver;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.ExternalApis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link ExternalApis}, served by the installed {@link ApiConnector}s: a credential of type
 * {@code STRIPE} is read by the connector of type {@code stripe}, and so on. A client is opened per
 * credential and kept for a while, so a changed credential is used within {@code reopenAfter}. Connectors
 * that define an {@value #ENVIRONMENT} option get the server's profile in it, so that they refuse a key of the
 * other environment at run time too.
 */
final class ConnectorApis implements ExternalApis {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorApis.class);

    static final String ENVIRONMENT = "environment";

    private final Connectors connectors;
    private final CredentialResolver credentials;
    private final EnvironmentProfile environment;
    private final ConnectorContext context;
    /** Clients by integration and credential name, reopened after a while to pick up a changed credential. */
    private final Cache<List<String>, Opened> clients;

    ConnectorApis(Connectors connectors, CredentialResolver credentials, EnvironmentProfile environment,
                  Clock clock, Duration reopenAfter) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.context = new ConnectorContext(clock, new JdkHttpTransport(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build()), new LoggingListener());
        this.clients = Caffeine.newBuilder().expireAfterWrite(reopenAfter).maximumSize(1_000).build();
    }

    @Override
    public JsonNode get(String integration, String credential, String path) {
        return Objects.requireNonNull(client(integration, credential).client()).get(path);
    }

    @Override
    public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
        Optional<ApiConnector> connector = connector(type);
        if (connector.isEmpty()) {
            return List.of(new FieldError("trigger", "'" + trigger + "' cannot run on a " + type + " credential: no "
                    + "installed connector reads its API; expected a credential of a type such as " + apiTypes()));
        }
        Optional<PollingTrigger> found = trigger(connector.get(), trigger);
        if (found.isEmpty()) {
            return List.of(new FieldError("trigger", "'" + trigger + "' is not a trigger of the "
                    + connector.get().type() + " connector; expected one of " + triggerNames(connector.get())));
        }
        List<FieldError> errors = new ArrayList<>();
        found.get().options().validate(options).forEach(error -> errors.add(error.under("options")));
        return errors;
    }

    @Override
    public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                         @Nullable Watermark after, @Nullable Instant since, int maxItems) {
        Opened opened = client(integration, credential);
        ApiConnector connector = Objects.requireNonNull(opened.connector());
        PollingTrigger found = trigger(connector, trigger).orElseThrow(() -> new ConfigException(List.of(
                new FieldError("polling.trigger", "'" + trigger + "' is not a trigger of the " + connector.type()
                        + " connector; expected one of " + triggerNames(connector)))));
        return found.poll(Objects.requireNonNull(opened.client()), options, after, since, maxItems);
    }

    /** The credential's client; a credential that cannot open one fails the same way until it is reopened. */
    private Opened client(String integration, String credentialName) {
        Opened opened = clients.get(List.of(integration, credentialName), key -> {
            try {
                return open(integration, credentialName);
            } catch (ConfigException e) {
                return new Opened(null, null, e);
            }
        });
        if (opened.problem() != null) {
            throw new ConfigException(opened.problem().errors());
        }
        return opened;
    }

    private Opened open(String integration, String credentialName) {
        ResolvedCredential credential = credentials.resolve(integration, credentialName).orElseThrow(() ->
                new ConfigException(List.of(new FieldError("credential", "'" + credentialName + "' is not a "
                        + "credential of integration " + integration))));
        ApiConnector connector = connector(credential.type()).orElseThrow(() -> new ConfigException(List.of(
                new FieldError("credential", "'" + credentialName + "' is a " + credential.type() + " credential, "
                        + "which no installed connector reads; expected a credential of a type such as "
                        + apiTypes()))));
        return new Opened(connector, connector.open(context, config(connector, credential)), null);
    }

    private Map<String, String> config(Connector connector, ResolvedCredential credential) {
        Map<String, String> config = new HashMap<>(credential.attributes());
        config.putAll(credential.secrets());
        if (connector.configDef().key(ENVIRONMENT).isPresent()) {
            config.put(ENVIRONMENT, environment.name());
        }
        return config;
    }

    private Optional<ApiConnector> connector(CredentialType type) {
        return connectors.find(type.name().toLowerCase(Locale.ROOT)).filter(ApiConnector.class::isInstance)
                .map(ApiConnector.class::cast);
    }

    private static Optional<PollingTrigger> trigger(ApiConnector connector, String name) {
        return connector.triggers().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String triggerNames(ApiConnector connector) {
        List<PollingTrigger> triggers = connector.triggers();
        return triggers.isEmpty() ? "none (it offers no trigger)"
                : triggers.stream().map(PollingTrigger::name).collect(Collectors.joining(", "));
    }

    private String apiTypes() {
        String types = connectors.types().stream().filter(type -> connectors.find(type)
                .filter(ApiConnector.class::isInstance).isPresent())
                .map(type -> type.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
        return types.isEmpty() ? "none (no API connector is installed)" : types;
    }

    /** Connectors' warnings go to the log: a watermark's object that is gone, a limit nearly used up. */
    private static final class LoggingListener implements ConnectorListener {

        @Override
        public void limitUsage(String connection, long used, long max) {
            LOG.debug("{} has used {} of {} API calls", connection, used, max);
        }

        @Override
        public void warn(String message) {
            LOG.warn(message);
        }
    }

    /** A client and its connector, or why the credential cannot open one. */
    private record Opened(@Nullable ApiConnector connector, @Nullable ApiClient client,
                          @Nullable ConfigException problem) {
    }
}
