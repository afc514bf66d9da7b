package org.openpayloads.engine.model;

import java.util.Locale;
import java.util.Optional;

/** The body formats a payload can have. */
public enum ContentType {
    JSON("application/json"),
    FORM_URL_ENCODED("application/x-www-form-urlencoded"),
    XML("application/xml"),
    TEXT("text/plain");

    private final String mediaType;

    ContentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The content type a Content-Type header names, ignoring parameters such as charset. Accepts
     * {@code text/xml} and {@code +json} / {@code +xml} suffixes.
     */
    public static Optional<ContentType> ofHeader(String header) {
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return Optional.of(JSON);
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return Optional.of(FORM_URL_ENCODED);
        }
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            return Optional.of(XML);
        }
        if (type.equals("text/plain")) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }
}
