package org.openpayloads.engine.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.model.CredentialType;

/**
 * The APIs the engine reads through an integration's credentials: one resource for an
 * {@link org.openpayloads.engine.model.Expansion}, and the polls of POLLING payloads. The server implements it
 * with the installed {@link org.openpayloads.api.connector.ApiConnector}s.
 */
public interface ExternalApis {

    /** A server with no API connector: every read fails, and no trigger exists. */
    ExternalApis NONE = new ExternalApis() {
        @Override
        public JsonNode get(String integration, String credential, String path) {
            throw new org.openpayloads.api.ConfigException(List.of(new FieldError("credential", "'" + credential
                    + "' cannot read " + path + ": no API connector is installed on this server")));
        }

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            return List.of(new FieldError("trigger", "'" + trigger + "' is not offered: no API connector is "
                    + "installed on this server"));
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            throw new IllegalStateException("No API connector is installed on this server");
        }
    };

    /**
     * {@code GET path} through the integration's credential.
     *
     * @throws org.openpayloads.api.MappingException when the API refused, for example a missing resource
     * @throws org.openpayloads.api.RetriableException when the API is unavailable or throttling
     * @throws org.openpayloads.api.ConfigException when the credential is missing or of a type no connector reads
     */
    JsonNode get(String integration, String credential, String path);

    /**
     * Every problem with a trigger and its options for a credential of {@code type}, by field ({@code trigger},
     * {@code options.expand}).
     */
    List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options);

    /** One poll of a trigger through the integration's credential; see {@link org.openpayloads.api.connector.PollingTrigger#poll}. */
    PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                  @Nullable Watermark after, @Nullable Instant since, int maxItems);
}
