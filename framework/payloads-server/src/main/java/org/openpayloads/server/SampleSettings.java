package org.openpayloads.server;

import java.util.List;
import java.util.Map;

/**
 * Which sample integrations a fresh database gets, and the variables their bundles read (such as
 * {@code STRIPE_WEBHOOK_SECRET}).
 *
 * @param names the samples to load, such as {@code stripe}; empty for none
 * @param variables the values of the bundles' {@code ${NAME}} placeholders, usually the environment
 */
public record SampleSettings(List<String> names, Map<String, String> variables) {

    /** The samples this server ships, each as {@code samples/<name>.json} in its jar. */
    public static final List<String> KNOWN = List.of("stripe");
    /** No samples: what tests start with. */
    public static final SampleSettings NONE = new SampleSettings(List.of(), Map.of());

    public SampleSettings {
        names = List.copyOf(names);
        variables = Map.copyOf(variables);
        for (String name : names) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("sample '" + name + "' is not one of " + KNOWN);
            }
        }
    }

    /** The given samples, with the variables of this process's environment. */
    public static SampleSettings of(String... names) {
        return new SampleSettings(List.of(names), System.getenv());
    }

    @Override
    public String toString() {
        // The variables hold secrets.
        return "SampleSettings[names=" + names + ", variables=" + variables.size() + " hidden]";
    }
}
