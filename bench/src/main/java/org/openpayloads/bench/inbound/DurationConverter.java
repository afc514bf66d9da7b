package org.openpayloads.bench.inbound;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a duration option written as {@code 20s}, {@code 500ms}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT20S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is negative; expected a duration of 0 or more");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; expected for example 20s, "
                    + "500ms, 2m or PT20S");
        }
    }
}
