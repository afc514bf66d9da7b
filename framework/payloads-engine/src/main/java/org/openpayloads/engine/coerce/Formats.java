package org.openpayloads.engine.coerce;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Text types with a shape to check: email, phone, url, id and reference, picklist and multipicklist. */
final class Formats {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +\\-().xX]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63}(:\\d{1,5})?([/?#]\\S*)?");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}");
    private static final int MIN_PHONE_DIGITS = 3;
    private static final int LISTED_VALUES = 10;

    private Formats() {
    }

    static String email(Attempt attempt) {
        String text = scalarText(attempt, "an email address").strip();
        if (!EMAIL.matcher(text).matches()) {
            throw attempt.fail("an email address");
        }
        return attempt.fit(text, false);
    }

    static String phone(Attempt attempt) {
        String text = scalarText(attempt, "a phone number").strip();
        if (!PHONE.matcher(text).matches() || text.chars().filter(Character::isDigit).count() < MIN_PHONE_DIGITS) {
            throw attempt.fail("a phone number (digits, spaces and + - ( ) . x, with at least 3 digits)");
        }
        return attempt.fit(text, false);
    }

    /**
     * An absolute http or https URL, or a bare domain such as {@code example.com/pricing}. A bare domain is kept as
     * it is: Salesforce stores it as given and links it as http. Other schemes (mailto:, javascript:) are refused.
     */
    static String url(Attempt attempt) {
        String expected = "an http(s) URL or a domain name such as example.com";
        String text = scalarText(attempt, expected).strip();
        if (!isHttpUrl(text) && !DOMAIN.matcher(text).matches()) {
            throw attempt.fail(expected);
        }
        return attempt.fit(text, false);
    }

    /** A 15- or 18-character record id; its checksum is not checked. */
    static String id(Attempt attempt) {
        String expected = "a 15- or 18-character Salesforce id";
        String text = scalarText(attempt, expected).strip();
        if (!ID.matcher(text).matches()) {
            throw attempt.fail(expected);
        }
        return text;
    }

    /** One of the field's active values: the exact value first, else the one that differs only in case. */
    static String picklist(Attempt attempt) {
        Object value = attempt.value();
        // The expectation is only spelled out when the value is refused: building it costs more than the check.
        String text = (value instanceof String || value instanceof BigDecimal || value instanceof Boolean
                ? scalarText(attempt, "") : scalarText(attempt, allowed(attempt))).strip();
        List<String> values = attempt.field().picklistValues();
        if (values.contains(text)) {
            return text;
        }
        return values.stream().filter(text::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> attempt.fail(allowed(attempt)));
    }

    /** Values joined by {@code ;}, from a {@code ;}-separated text or an array; each checked as a picklist value. */
    static @Nullable String multiPicklist(Attempt attempt, @Nullable List<@Nullable Object> items) {
        Set<String> chosen = new LinkedHashSet<>();
        if (items != null) {
            for (Object item : items) {
                Object value = Values.normalise(item);
                if (value != null) {
                    chosen.addAll(multiPicklist(attempt.of(value)));
                }
            }
        } else {
            chosen.addAll(multiPicklist(attempt));
        }
        return chosen.isEmpty() ? null : String.join(";", chosen);
    }

    private static Set<String> multiPicklist(Attempt attempt) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : scalarText(attempt, allowed(attempt)).split(";")) {
            if (!part.isBlank()) {
                chosen.add(picklist(attempt.of(part)));
            }
        }
        return chosen;
    }

    private static String allowed(Attempt attempt) {
        List<String> values = attempt.field().picklistValues();
        if (values.isEmpty()) {
            return "one of the field's picklist values, but it has none";
        }
        String listed = values.stream().limit(LISTED_VALUES).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        return "one of " + listed + (values.size() > LISTED_VALUES ? ", … (" + values.size() + " values)" : "");
    }

    private static boolean isHttpUrl(String text) {
        if (isPlainHttpUrl(text)) {
            return true;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return scheme != null && uri.getHost() != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The common case without a URI parse, which costs more than the rest of a field's mapping: http(s), a host of
     * letters, digits, dots and hyphens, an optional port, and a path and query of unreserved characters,
     * {@code /}, {@code =} and {@code &}. Whatever this accepts, {@link URI} accepts too; the rest goes to it.
     */
    static boolean isPlainHttpUrl(String text) {
        int start = text.regionMatches(true, 0, "https://", 0, 8) ? 8
                : text.regionMatches(true, 0, "http://", 0, 7) ? 7 : -1;
        if (start < 0) {
            return false;
        }
        int i = start;
        int length = text.length();
        while (i < length && (isAlphanumeric(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '-')) {
            i++;
        }
        if (!isHostName(text, start, i)) {
            return false;
        }
        if (i < length && text.charAt(i) == ':') {
            int port = ++i;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == port || i - port > 5) {
                return false;
            }
        }
        if (i < length && text.charAt(i) != '/' && text.charAt(i) != '?') {
            return false;
        }
        boolean query = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '?' && !query) {
                query = true;
            } else if (!isAlphanumeric(c) && "-._~/".indexOf(c) < 0 && !(query && (c == '=' || c == '&'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A host name as the URI parser reads one: dot-separated labels of letters, digits and inner hyphens, the last
     * starting with a letter (so an IPv4 address goes to the parser).
     */
    private static boolean isHostName(String text, int from, int to) {
        int label = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                if (i == label || text.charAt(label) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                if (i == to && !Character.isLetter(text.charAt(label))) {
                    return false;
                }
                label = i + 1;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Text, number or boolean as text; anything else fails with the given expectation. */
    static String scalarText(Attempt attempt, String expected) {
        Object value = attempt.value();
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        throw attempt.fail(expected);
    }
}
