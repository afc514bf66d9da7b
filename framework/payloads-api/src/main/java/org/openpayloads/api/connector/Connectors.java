package org.openpayloads.api.connector;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openpayloads.api.NotFoundException;

/**
 * The installed connectors, by type. Built once at start-up; immutable after.
 *
 * <p>Loading fails loudly rather than picking one at random: two connectors that claim the same type,
 * a type that is not lower-case, or a listed class that cannot be made each stop start-up with a
 * message that names the classes involved.
 */
public final class Connectors {

    /** Where a connector jar lists its implementations. */
    public static final String SERVICE_FILE = "META-INF/services/" + Connector.class.getName();

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, Connector> byType;

    private Connectors(Map<String, Connector> byType) {
        this.byType = Collections.unmodifiableMap(byType);
    }

    /**
     * Every connector listed in {@value #SERVICE_FILE} files that {@code loader} sees.
     *
     * @throws IllegalStateException when a listed class cannot be loaded, or two claim one type
     */
    public static Connectors load(ClassLoader loader) {
        try {
            return of(ServiceLoader.load(Connector.class, loader).stream().map(ServiceLoader.Provider::get).toList());
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A connector listed in " + SERVICE_FILE + " could not be loaded: "
                    + e.getMessage() + "; check that the class exists, is public and has a public no-argument "
                    + "constructor", e);
        }
    }

    /**
     * These connectors, by type.
     *
     * @throws IllegalStateException when a type is malformed or claimed twice
     */
    public static Connectors of(Collection<? extends Connector> connectors) {
        Map<String, Connector> byType = new TreeMap<>();
        for (Connector connector : connectors) {
            String type = connector.type();
            if (!TYPE.matcher(type).matches()) {
                throw new IllegalStateException("Connector " + connector.getClass().getName() + " has type '" + type
                        + "'; expected lower-case letters, digits and dashes, starting with a letter");
            }
            Connector earlier = byType.putIfAbsent(type, connector);
            if (earlier != null) {
                throw new IllegalStateException("Two connectors claim type '" + type + "': "
                        + earlier.getClass().getName() + " and " + connector.getClass().getName()
                        + "; remove one jar from the class path or give one another type");
            }
        }
        return new Connectors(byType);
    }

    /** The installed types, sorted. */
    public Set<String> types() {
        return byType.keySet();
    }

    public Optional<Connector> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * The connector of {@code type}.
     *
     * @throws NotFoundException naming the installed types when none has this one
     */
    public Connector require(String type) {
        return require(type, Connector.class);
    }

    /**
     * The connector of {@code type}, which must be of {@code kind}, for example
     * {@code require("salesforce", RecordConnector.class)}.
     *
     * @throws NotFoundException naming the installed types of that kind when none matches
     */
    public <C extends Connector> C require(String type, Class<C> kind) {
        Connector connector = byType.get(type);
        if (kind.isInstance(connector)) {
            return kind.cast(connector);
        }
        String known = byType.values().stream().filter(kind::isInstance).map(Connector::type)
                .reduce((a, b) -> a + ", " + b).orElse("(none)");
        String what = kind == Connector.class ? "connector" : kind.getSimpleName();
        throw new NotFoundException("No " + what + " of type '" + type + "' is installed; installed: " + known);
    }

    @Override
    public String toString() {
        return "Connectors" + byType.keySet();
    }
}
