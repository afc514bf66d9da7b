package org.openpayloads.api.connector;

import java.util.List;
import java.util.Map;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.config.ConfigDef;

/**
 * A kind of outside system OpenPayloads talks to, such as {@code salesforce}: a stateless descriptor,
 * and a factory for the clients that do the work (see the sub-interfaces, for example
 * {@link RecordConnector}).
 *
 * <p>Implementations have a public no-argument constructor and are listed in
 * {@code META-INF/services/org.openpayloads.api.connector.Connector}. One instance serves every
 * configuration, so it holds no per-connection state.
 */
public interface Connector {

    /** The type that configurations name: lower-case letters, digits and dashes, for example {@code salesforce}. */
    String type();

    /** One or two sentences for the admin UI and the docs: what this connector connects to. */
    String description();

    /** The options a configuration of this connector accepts; secrets have {@link ConfigDef.Type#SECRET}. */
    ConfigDef configDef();

    /**
     * Every problem with {@code config}, one or more per field, never only the first: the
     * definition's own checks, and any rule that spans options (an option required by another's
     * value). Messages never contain a secret value.
     */
    default List<FieldError> validate(Map<String, String> config) {
        return configDef().validate(config);
    }
}
