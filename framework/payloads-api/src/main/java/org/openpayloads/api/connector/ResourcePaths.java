package org.openpayloads.api.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds resource paths from templates such as {@code /v1/customers/{id}}. */
public final class ResourcePaths {

    private ResourcePaths() {
    }

    /**
     * {@code template} with its one {@code {…}} placeholder replaced by {@code id}, percent-encoded, so that an id
     * can add no path segment or query.
     *
     * @throws IllegalArgumentException when the template has not exactly one placeholder or is not an absolute
     *     path, or the id is blank, {@code .} or {@code ..}
     */
    public static String fill(String template, String id) {
        int open = template.indexOf('{');
        int close = template.indexOf('}', open + 1);
        if (!template.startsWith("/") || open < 0 || close < 0 || template.indexOf('{', close) >= 0
                || template.contains("?") || template.contains("#")) {
            throw new IllegalArgumentException("path template was '" + template + "'; expected an absolute path "
                    + "with one placeholder and no query, such as /v1/customers/{id}");
        }
        if (id.isBlank() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("id was '" + id + "'; expected a resource id such as cus_123");
        }
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return template.substring(0, open) + encoded + template.substring(close + 1);
    }

    /** Whether {@code template} is one {@link #fill} takes. */
    public static boolean isTemplate(String template) {
        try {
            fill(template, "x");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
