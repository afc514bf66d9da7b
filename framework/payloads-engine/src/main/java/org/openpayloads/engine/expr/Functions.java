package org.openpayloads.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.engine.coerce.Amounts;
import org.openpayloads.engine.coerce.CoercionException;

/**
 * The functions an expression may call, with their docs. Names are case-sensitive. Most functions give null for a
 * null text, so that a missing element stays missing; {@code concat} and {@code join} read null as empty.
 */
public final class Functions {

    /** One function as the docs and the UI show it. */
    public record Doc(String name, String signature, String arity, String description) {
    }

    static final int VARIADIC = Integer.MAX_VALUE;

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'",
            Locale.ROOT).withZone(ZoneId.of("UTC"));
    private static final Map<String, Function> TABLE = table();
    private static final Map<String, LiteralCheck> LITERAL_CHECKS = literalChecks();

    /** A check of a literal argument, by "function index" with a 0-based index. */
    private record LiteralCheck(String expected, Consumer<String> validate) {
    }

    interface Body {
        @Nullable Object apply(Args args);
    }

    record Function(String name, int min, int max, String signature, String description, Body body) {

        /** Turns what the JDK throws for bad data (a bad pattern, an impossible date) into a MappingException. */
        @Nullable Object apply(Args args) {
            try {
                return body.apply(args);
            } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
                throw new MappingException("function '" + name + "': " + e.getMessage(), e);
            }
        }

        String arity() {
            if (max == VARIADIC) {
                return "at least " + min;
            }
            return min == max ? String.valueOf(min) : min + " or " + max;
        }
    }

    private Functions() {
    }

    /** Every function, by name. */
    public static List<Doc> docs() {
        return TABLE.values().stream().map(f -> new Doc(f.name(), f.signature(), f.arity(), f.description()))
                .toList();
    }

    static Optional<Function> find(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    static String names() {
        return String.join(", ", TABLE.keySet());
    }

    /**
     * What is wrong with a literal argument that would fail every evaluation, such as a bad pattern, so that it is
     * reported when the expression is compiled.
     */
    static Optional<String> literalProblem(String function, int index, @Nullable Object literal) {
        LiteralCheck check = LITERAL_CHECKS.get(function + " " + index);
        if (check == null || !(literal instanceof String text)) {
            return Optional.empty();
        }
        try {
            check.validate().accept(text);
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeException | CoercionException e) {
            return Optional.of("expected " + check.expected() + ", got " + Values.describe(text));
        }
    }

    // A data table: longer than our usual 40 lines per method on purpose.
    private static Map<String, Function> table() {
        List<Function> all = List.of(
                new Function("coalesce", 1, VARIADIC, "coalesce(a, b, ...)",
                        "The first argument that is not null, or null. Later arguments are not evaluated.",
                        Functions::coalesce),
                new Function("concat", 1, VARIADIC, "concat(a, b, ...)",
                        "The arguments as text, joined; null counts as empty. Numbers in plain notation.",
                        Functions::concat),
                new Function("formatDate", 2, 3, "formatDate(value, pattern[, zone])",
                        "Formats an ISO date or datetime with a java.time pattern. A datetime is first moved to the"
                                + " zone (default: the integration's zone).", Functions::formatDate),
                new Function("formatNumber", 2, 2, "formatNumber(n, pattern)",
                        "Formats a number with a java.text.DecimalFormat pattern such as #,##0.00 (Locale.ROOT,"
                                + " half-up rounding).", Functions::formatNumber),
                new Function("if", 3, 3, "if(condition, then, else)",
                        "then when the condition is true, else when it is false or null. Only one branch is"
                                + " evaluated.", args -> args.truth(0) ? args.value(1) : args.value(2)),
                new Function("isBlank", 1, 1, "isBlank(s)",
                        "True when the text is null, empty or only whitespace.", args -> {
                            String text = args.text(0);
                            return text == null || text.isBlank();
                        }),
                new Function("item", 2, 2, "item(list, index)",
                        "The item at index, 0-based; a negative index counts from the end (-1 is the last). Null"
                                + " for a null list or an index out of range.", Functions::item),
                new Function("join", 2, 2, "join(list, separator)",
                        "The items of a list as text, joined by the separator; null items count as empty.",
                        Functions::join),
                new Function("length", 1, 1, "length(s)",
                        "The number of characters of a text, or of items of a list; 0 for null.",
                        Functions::length),
                new Function("lower", 1, 1, "lower(s)", "The text in lower case (Locale.ROOT).",
                        args -> map(args.text(0), s -> s.toLowerCase(Locale.ROOT))),
                new Function("minorToDecimal", 2, 2, "minorToDecimal(amount, currency)",
                        "An amount in minor units as a decimal, by the currency's decimals as Stripe counts them:"
                                + " 1999 USD is 19.99, 1000 JPY is 1000.", Functions::minorToDecimal),
                new Function("number", 1, 1, "number(s)",
                        "The number a text holds, such as '2' or '-19.99' from a form or XML body; a number"
                                + " unchanged; null for null or a blank text.", args -> {
                            String text = args.value(0) instanceof String s ? s : null;
                            return text != null && text.isBlank() ? null : args.number(0);
                        }),
                new Function("now", 0, 0, "now()",
                        "The current time as an ISO-8601 UTC datetime to the second, yyyy-MM-ddTHH:mm:ssZ.",
                        args -> UTC_SECONDS.format(args.context().clock().instant())),
                new Function("parseDate", 2, 3, "parseDate(s, pattern[, zone])",
                        "Reads a text with a java.time pattern and gives the ISO date yyyy-MM-dd. When the text"
                                + " holds an offset, the date is taken in the zone (default: the integration's zone).",
                        Functions::parseDate),
                new Function("replace", 3, 3, "replace(s, from, to)",
                        "The text with every occurrence of from replaced by to (plain text, not a regex).",
                        Functions::replace),
                new Function("split", 2, 2, "split(s, separator)",
                        "The parts of a text between separators (plain text, not a regex), empty parts included.",
                        Functions::split),
                new Function("substring", 2, 3, "substring(s, start[, end])",
                        "The characters from start (0-based) to end (exclusive; default: the end). Indexes past"
                                + " either end are clamped, so it never fails on a short text.", Functions::substring),
                new Function("today", 0, 0, "today()", "The current date in the integration's zone, yyyy-MM-dd.",
                        args -> LocalDate.now(args.context().clock().withZone(args.context().zone())).toString()),
                new Function("trim", 1, 1, "trim(s)", "The text without leading and trailing whitespace.",
                        args -> map(args.text(0), String::strip)),
                new Function("unixToDatetime", 1, 1, "unixToDatetime(seconds)",
                        "Epoch seconds (as Stripe gives them) as an ISO-8601 UTC datetime, yyyy-MM-ddTHH:mm:ssZ.",
                        Functions::unixToDatetime),
                new Function("upper", 1, 1, "upper(s)", "The text in upper case (Locale.ROOT).",
                        args -> map(args.text(0), s -> s.toUpperCase(Locale.ROOT))));
        Map<String, Function> table = new TreeMap<>();
        all.forEach(f -> table.put(f.name(), f));
        return Collections.unmodifiableMap(table);
    }

    private static Map<String, LiteralCheck> literalChecks() {
        LiteralCheck datePattern = new LiteralCheck("a java.time pattern such as yyyy-MM-dd",
                pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        LiteralCheck zone = new LiteralCheck("a time zone such as Europe/Paris", ZoneId::of);
        return Map.of(
                "formatDate 1", datePattern,
                "parseDate 1", datePattern,
                "formatDate 2", zone,
                "parseDate 2", zone,
                "formatNumber 1", new LiteralCheck("a DecimalFormat pattern such as #,##0.00",
                        pattern -> new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))),
                "minorToDecimal 1", new LiteralCheck("an ISO 4217 currency code such as USD", Amounts::decimals),
                "split 1", new LiteralCheck("a separator that is not empty", separator -> {
                    if (separator.isEmpty()) {
                        throw new IllegalArgumentException("empty separator");
                    }
                }));
    }

    private static @Nullable String map(@Nullable String text, UnaryOperator<String> operator) {
        return text == null ? null : operator.apply(text);
    }

    private static @Nullable Object coalesce(Args args) {
        for (int i = 0; i < args.size(); i++) {
            Object value = args.value(i);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String concat(Args args) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String text = args.text(i);
            joined.append(text == null ? "" : text);
        }
        return joined.toString();
    }

    private static @Nullable String substring(Args args) {
        String text = args.text(0);
        if (text == null) {
            return null;
        }
        int start = clamp(args.integer(1), text.length());
        int end = args.size() > 2 ? clamp(args.integer(2), text.length()) : text.length();
        return end <= start ? "" : text.substring(start, end);
    }

    private static int clamp(int index, int length) {
        return Math.max(0, Math.min(index, length));
    }

    private static @Nullable String replace(Args args) {
        String text = args.text(0);
        String from = args.requiredText(1);
        String to = args.text(2);
        if (text == null || from.isEmpty()) {
            return text;
        }
        return text.replace(from, to == null ? "" : to);
    }

    private static @Nullable List<String> split(Args args) {
        String text = args.text(0);
        String separator = args.requiredText(1);
        if (separator.isEmpty()) {
            throw args.error(1, "a separator that is not empty", separator);
        }
        return text == null ? null : List.of(text.split(Pattern.quote(separator), -1));
    }

    private static @Nullable Object item(Args args) {
        List<?> items = args.list(0);
        int index = args.integer(1);
        if (items == null) {
            return null;
        }
        int position = index < 0 ? items.size() + index : index;
        return position >= 0 && position < items.size() ? items.get(position) : null;
    }

    private static @Nullable String join(Args args) {
        List<?> items = args.list(0);
        String separator = args.requiredText(1);
        if (items == null) {
            return null;
        }
        List<String> texts = new ArrayList<>(items.size());
        for (Object item : items) {
            String text = item == null ? "" : Values.asText(item);
            if (text == null) {
                throw args.error(0, "a list of texts, numbers or booleans", items);
            }
            texts.add(text);
        }
        return String.join(separator, texts);
    }

    private static BigDecimal length(Args args) {
        Object value = args.value(0);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof List<?> list) {
            return BigDecimal.valueOf(list.size());
        }
        String text = Values.asText(value);
        if (text == null) {
            throw args.error(0, "text or a list", value);
        }
        return BigDecimal.valueOf(text.length());
    }

    private static @Nullable String formatNumber(Args args) {
        BigDecimal number = args.number(0);
        String pattern = args.requiredText(1);
        DecimalFormat format;
        try {
            // DecimalFormat is not thread-safe, so each call builds its own.
            format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw args.error(1, "a DecimalFormat pattern such as #,##0.00", pattern);
        }
        format.setRoundingMode(RoundingMode.HALF_UP);
        return number == null ? null : format.format(number);
    }

    private static @Nullable BigDecimal minorToDecimal(Args args) {
        BigDecimal amount = args.number(0);
        String currency = args.text(1);
        if (amount == null) {
            return null;
        }
        if (currency == null) {
            throw args.error(1, "an ISO 4217 currency code such as USD", null);
        }
        try {
            return Amounts.fromMinorUnits(amount, currency);
        } catch (CoercionException e) {
            throw new MappingException("function 'minorToDecimal', argument 2: " + e.getMessage(), e);
        }
    }

    private static @Nullable String unixToDatetime(Args args) {
        BigDecimal seconds = args.number(0);
        if (seconds == null) {
            return null;
        }
        try {
            return UTC_SECONDS.format(Instant.ofEpochSecond(seconds.longValueExact()));
        } catch (ArithmeticException | DateTimeException e) {
            throw args.error(0, "whole epoch seconds within the years -999999999 to 999999999", seconds);
        }
    }

    private static @Nullable String parseDate(Args args) {
        String text = args.text(0);
        DateTimeFormatter formatter = dateFormatter(args);
        ZoneId zone = args.zone(2);
        if (text == null) {
            return null;
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(parsed).atZone(zone).toLocalDate().toString();
            }
            return LocalDate.from(parsed).toString();
        } catch (DateTimeException e) {
            throw args.error(0, "a date matching the pattern '" + args.requiredText(1) + "'", text);
        }
    }

    private static @Nullable String formatDate(Args args) {
        Object value = args.value(0);
        DateTimeFormatter formatter = dateFormatter(args);
        ZoneId zone = args.zone(2);
        if (value == null) {
            return null;
        }
        TemporalAccessor temporal = temporal(value);
        if (temporal == null) {
            throw args.error(0, "an ISO date or datetime such as 2026-11-25 or 2026-11-25T17:55:00Z", value);
        }
        try {
            return formatter.format(inZone(temporal, zone));
        } catch (DateTimeException e) {
            throw args.error(1, "a pattern that fits " + Values.describe(value) + " (" + e.getMessage() + ")",
                    args.requiredText(1));
        }
    }

    private static DateTimeFormatter dateFormatter(Args args) {
        String pattern = args.requiredText(1);
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw args.error(1, "a java.time pattern such as yyyy-MM-dd", pattern);
        }
    }

    private static @Nullable TemporalAccessor temporal(Object value) {
        if (value instanceof TemporalAccessor temporal) {
            return temporal;
        }
        if (!(value instanceof String text)) {
            return null;
        }
        for (java.util.function.Function<String, TemporalAccessor> parser : Arrays.<java.util.function.Function<
                String, TemporalAccessor>>asList(LocalDate::parse, OffsetDateTime::parse, ZonedDateTime::parse,
                        LocalDateTime::parse)) {
            try {
                return parser.apply(text.strip());
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        return null;
    }

    private static TemporalAccessor inZone(TemporalAccessor temporal, ZoneId zone) {
        if (temporal instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        return temporal;
    }
}
