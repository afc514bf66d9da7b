package org.openpayloads.connector.salesforce;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.config.ConfigDef.Validator;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.RecordConnector;
import org.openpayloads.api.records.RecordClient;

/**
 * Salesforce, through the REST API: type {@code salesforce}. Stateless; each {@link #connect} opens a
 * client with its own token, batches and scheduler thread.
 */
public final class SalesforceConnector implements RecordConnector {

    public static final String TYPE = "salesforce";

    static final String LOGIN_URL = "loginUrl";
    static final String FLOW = "flow";
    static final String CLIENT_ID = "clientId";
    static final String USERNAME = "username";
    static final String API_VERSION = "apiVersion";
    static final String CLIENT_SECRET = "clientSecret";
    static final String PRIVATE_KEY = "privateKey";
    static final String PASSWORD = "password";
    static final String BATCH_SIZE = "batchSize";
    static final String LINGER_MILLIS = "lingerMillis";
    static final String MAX_RETRIES = "maxRetries";
    static final String RETRY_BASE_MILLIS = "retryBaseMillis";
    static final String REQUEST_TIMEOUT_SECONDS = "requestTimeoutSeconds";
    static final String LIMIT_WARN_PERCENT = "limitWarnPercent";
    static final String MAX_QUERY_RECORDS = "maxQueryRecords";

    /** sObject Collections upsert, which batching relies on, arrived in API 46.0. */
    static final int MIN_API_VERSION = 46;

    private static final ConfigDef DEF = new ConfigDef()
            .define(LOGIN_URL, Type.URL, "https://login.salesforce.com", SalesforceConnector::baseUrlOnly, "connection",
                    "Where tokens come from: https://login.salesforce.com, https://test.salesforce.com for a "
                            + "sandbox, or the org's My Domain URL. The instance URL comes from the token response.")
            .define(FLOW, Type.STRING, Flow.CLIENT_CREDENTIALS.name(), Validator.oneOf("CLIENT_CREDENTIALS", "JWT",
                    "PASSWORD"), "connection", "The OAuth 2.0 flow: CLIENT_CREDENTIALS (needs clientSecret), JWT "
                            + "(needs privateKey and username) or PASSWORD (needs username and password).")
            .define(CLIENT_ID, Type.STRING, Required.YES, "connection", "The connected app's consumer key.")
            .define(USERNAME, Type.STRING, Required.NO, "connection",
                    "The user to act as, for the JWT and PASSWORD flows.")
            .define(API_VERSION, Type.STRING, "62.0", SalesforceConnector::apiVersion, "connection",
                    "The REST API version, " + MIN_API_VERSION + ".0 or later (sObject Collections upsert).")
            .define(CLIENT_SECRET, Type.SECRET, Required.NO, "credentials",
                    "The connected app's consumer secret: CLIENT_CREDENTIALS needs it; PASSWORD sends it when given.")
            .define(PRIVATE_KEY, Type.SECRET, Required.NO, "credentials",
                    "The JWT flow's RSA private key, unencrypted PEM PKCS#8 (-----BEGIN PRIVATE KEY-----).")
            .define(PASSWORD, Type.SECRET, Required.NO, "credentials",
                    "The PASSWORD flow's password, with the user's security token appended.")
            .define(BATCH_SIZE, Type.INT, "200", Validator.between(1, 200), "batching",
                    "Writes per sObject Collections request; Salesforce takes 200 at most.")
            .define(LINGER_MILLIS, Type.INT, "50", Validator.between(0, 10_000), "batching",
                    "How long a batch waits for more writes before it is sent.")
            .define(MAX_RETRIES, Type.INT, "4", Validator.between(0, 10), "retries",
                    "Retries after a 429, 502, 503 or 504, a timeout or UNABLE_TO_LOCK_ROW, before giving up.")
            .define(RETRY_BASE_MILLIS, Type.INT, "500", Validator.between(1, 60_000), "retries",
                    "The first retry's wait; each next one doubles (with jitter, capped at 30 s).")
            .define(REQUEST_TIMEOUT_SECONDS, Type.INT, "30", Validator.between(1, 600), "retries",
                    "How long to wait for one answer.")
            .define(LIMIT_WARN_PERCENT, Type.INT, "80", Validator.between(1, 100), "limits",
                    "Warn once when the org's daily API usage passes this share of its limit.")
            .define(MAX_QUERY_RECORDS, Type.INT, "10000", Validator.between(1, 1_000_000), "limits",
                    "The most records one query may return, all pages together.");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Writes and reads Salesforce records through the REST API, batching writes into sObject Collections.";
    }

    @Override
    public ConfigDef configDef() {
        return DEF;
    }

    @Override
    public List<FieldError> validate(Map<String, String> config) {
        List<FieldError> errors = new ArrayList<>(DEF.validate(config));
        Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        String flowName = present(config, FLOW) ? config.get(FLOW).trim() : Flow.CLIENT_CREDENTIALS.name();
        if (!reported.contains(FLOW)) {
            Flow flow = Flow.valueOf(flowName);
            for (String needed : flow.requires) {
                if (!present(config, needed) && !reported.contains(needed)) {
                    String doc = DEF.key(needed).map(ConfigDef.Key::documentation).orElse("");
                    errors.add(new FieldError(needed, "is required when flow is " + flow + ": " + doc));
                }
            }
        }
        if (present(config, PRIVATE_KEY) && !reported.contains(PRIVATE_KEY)) {
            try {
                PrivateKeys.parsePem(config.get(PRIVATE_KEY));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(PRIVATE_KEY, e.getMessage()));
            }
        }
        return errors;
    }

    @Override
    public RecordClient connect(ConnectorContext context, Map<String, String> config) {
        return open(context, config, null);
    }

    /** {@link #connect}, with a retry timer that tests swap in. */
    SalesforceClient open(ConnectorContext context, Map<String, String> config, @Nullable RetryTimer timer) {
        List<FieldError> errors = validate(config);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new SalesforceClient(SalesforceConfig.from(DEF.parse(config)), context, timer);
    }

    private static boolean present(Map<String, String> config, String key) {
        String value = config.get(key);
        return value != null && !value.isBlank();
    }

    private static Optional<String> baseUrlOnly(String value) {
        URI uri = URI.create(value.trim());
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        return bare ? Optional.empty()
                : Optional.of("value '" + value + "' has a path or query; expected only scheme and host, for example "
                        + "https://login.salesforce.com");
    }

    private static Optional<String> apiVersion(String value) {
        String version = value.trim();
        if (!version.matches("\\d{2,3}\\.0")) {
            return Optional.of("value '" + value + "' is not an API version; expected for example 62.0");
        }
        return Integer.parseInt(version.substring(0, version.indexOf('.'))) >= MIN_API_VERSION ? Optional.empty()
                : Optional.of("value '" + value + "' is too old; expected " + MIN_API_VERSION
                        + ".0 or later, which has sObject Collections upsert");
    }
}
