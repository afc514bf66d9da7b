package org.openpayloads.server;

import java.util.Locale;

/**
 * The environment a server runs in ({@code PAYLOADS_ENVIRONMENT}): a sandbox server takes only test
 * payment keys and sandbox logins, a production server only live ones (see {@link EnvironmentGuard}).
 */
public enum EnvironmentProfile {
    SANDBOX, PRODUCTION;

    /** As the setting spells it: {@code sandbox} or {@code production}. */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
