package org.openpayloads.api.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;

/**
 * The options a connector, credential type or transform accepts, declared as data.
 *
 * <pre>{@code
 * ConfigDef def = new ConfigDef()
 *     .define("username", Type.STRING, Required.YES, "login", "The user to log in as.")
 *     .define("password", Type.SECRET, Required.YES, "login", "The user's password.");
 * List<FieldError> errors = def.validate(values);
 * }</pre>
 *
 * <p>Instances are built once, then only read; a built definition is safe to share between threads.
 */
public final class ConfigDef {

    /** How an option's text value is read. {@link #SECRET} values are never echoed in a message. */
    public enum Type {
        STRING, INT, LONG, BOOLEAN, URL, LIST, SECRET
    }

    /** Whether an option must be given. */
    public enum Required {
        YES, NO
    }

    /** Checks one value already known to be of the right type; answers a message when it is wrong. */
    @FunctionalInterface
    public interface Validator {
        Optional<String> check(String value);

        Validator NONE = value -> Optional.empty();

        /** Accepts one of {@code allowed}, compared exactly. */
        static Validator oneOf(String... allowed) {
            Set<String> set = Set.of(allowed);
            return value -> set.contains(value)
                    ? Optional.empty()
                    : Optional.of("expected one of " + String.join(", ", new java.util.TreeSet<>(set)));
        }

        /** Accepts a whole number from {@code min} to {@code max}; use it on INT and LONG options. */
        static Validator between(long min, long max) {
            if (min > max) {
                throw new IllegalArgumentException("range was " + min + " to " + max + "; expected min <= max");
            }
            return value -> {
                long number;
                try {
                    number = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return Optional.of("value '" + value.trim() + "' is not a whole number; expected " + min + " to " + max);
                }
                return number >= min && number <= max ? Optional.empty()
                        : Optional.of("value '" + value.trim() + "' is out of range; expected " + min + " to " + max);
            };
        }
    }

    /** One declared option. */
    public record Key(String name, Type type, Required required, @Nullable String defaultValue,
                      Validator validator, String group, String documentation) {
        public Key {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a config key needs a name");
            }
            if (required == Required.YES && defaultValue != null) {
                throw new IllegalArgumentException(
                        "config key '" + name + "' is required, so it cannot have a default ('" + defaultValue + "')");
            }
        }

        public boolean isSecret() {
            return type == Type.SECRET;
        }
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    /** Declares a required option, or an optional one without a default. */
    public ConfigDef define(String name, Type type, Required required, String group, String documentation) {
        return define(new Key(name, type, required, null, Validator.NONE, group, documentation));
    }

    /** Declares an optional option with a default value. */
    public ConfigDef define(String name, Type type, String defaultValue, Validator validator, String group,
                            String documentation) {
        return define(new Key(name, type, Required.NO, defaultValue, validator, group, documentation));
    }

    public ConfigDef define(Key key) {
        if (keys.containsKey(key.name())) {
            throw new IllegalStateException("config key '" + key.name() + "' is already defined");
        }
        keys.put(key.name(), key);
        return this;
    }

    public Map<String, Key> keys() {
        return Collections.unmodifiableMap(keys);
    }

    public Optional<Key> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * Every problem with {@code values}: a missing required option, a value of the wrong type, a value
     * its validator refuses, and an option this definition does not know. Field names are the option
     * names as given.
     */
    public List<FieldError> validate(Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        for (Key key : keys.values()) {
            String value = values.get(key.name());
            if (value == null || value.isBlank()) {
                if (key.required() == Required.YES) {
                    errors.add(new FieldError(key.name(), "is required: " + key.documentation()));
                }
                continue;
            }
            typeProblem(key, value)
                    .or(() -> key.validator().check(value).map(message -> hideSecret(key, value, message)))
                    .ifPresent(message -> errors.add(new FieldError(key.name(), message)));
        }
        for (String name : values.keySet()) {
            if (!keys.containsKey(name)) {
                errors.add(new FieldError(name, "is not an option of this type; expected one of "
                        + String.join(", ", keys.keySet())));
            }
        }
        return errors;
    }

    /** Validates {@code values} and returns them with defaults filled in; throws on any problem. */
    public Map<String, String> parse(Map<String, String> values) {
        List<FieldError> errors = validate(values);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Key key : keys.values()) {
            String value = values.get(key.name());
            if (value != null && !value.isBlank()) {
                result.put(key.name(), value);
            } else if (key.defaultValue() != null) {
                result.put(key.name(), key.defaultValue());
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static Optional<String> typeProblem(Key key, String value) {
        String shown = key.isSecret() ? "[hidden]" : "'" + value + "'";
        switch (key.type()) {
            case INT:
                return parses(() -> Integer.parseInt(value.trim()))
                        ? Optional.empty() : Optional.of("value " + shown + " is not a whole number");
            case LONG:
                return parses(() -> Long.parseLong(value.trim()))
                        ? Optional.empty() : Optional.of("value " + shown + " is not a whole number");
            case BOOLEAN:
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                        ? Optional.empty() : Optional.of("value " + shown + " is not true or false");
            case URL:
                return isHttpUrl(value)
                        ? Optional.empty() : Optional.of("value " + shown + " is not an absolute http(s) URL");
            default:
                return Optional.empty();
        }
    }

    /** A validator's message must not echo a secret; one that does gets the value replaced. */
    private static String hideSecret(Key key, String value, String message) {
        return key.isSecret() && !value.isEmpty() ? message.replace(value, "[hidden]") : message;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
