package org.openpayloads.engine.coerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, date-times and times. A number is always read as epoch seconds, as Stripe's {@code created} is; a
 * numeric string is not, since it may as well be {@code yyyyMMdd}.
 */
final class Temporals {

    private static final String DATE_EXPECTED = "a date (yyyy-MM-dd, an ISO-8601 date-time or epoch seconds)";
    private static final String DATE_TIME_EXPECTED = "an ISO-8601 date-time (with an offset, or local to "
            + "%s) or epoch seconds";
    private static final String TIME_EXPECTED = "a time (HH:mm:ss or HH:mm:ss.SSS, optionally ending in Z)";
    /** Salesforce accepts dates from 1700 to 4000; outside that, a number is most likely epoch milliseconds. */
    private static final int FIRST_YEAR = 1700;
    private static final int LAST_YEAR = 4000;
    /** Far past year 4000 yet within {@link Instant}'s range, so that epoch milliseconds get the year message. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(1_000_000_000_000_000L);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?)[zZ]?");
    /** ISO local date-time with an optional offset; the offset may be {@code Z}, {@code +01:00} or {@code +0100}. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
    private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'", Locale.ROOT);

    private Temporals() {
    }

    /** The day, in the context's zone, as {@code yyyy-MM-dd}. */
    static String date(Attempt attempt) {
        if (attempt.value() instanceof BigDecimal seconds && seconds.scale() <= 0
                && attempt.context().zone() instanceof ZoneOffset offset
                && seconds.precision() - seconds.scale() <= 15) {
            // Whole epoch seconds in a fixed offset, as Stripe's created: the day without a ZonedDateTime.
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds.longValue() + offset.getTotalSeconds(), 86_400L));
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return day.toString();
            }
        }
        LocalDate date = moment(attempt, () -> DATE_EXPECTED).toLocalDate();
        return date.toString();
    }

    /** The instant, in UTC, as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}. */
    static String dateTime(Attempt attempt) {
        // The expectation names the zone; it is only spelled out for a value that is refused.
        return moment(attempt, () -> DATE_TIME_EXPECTED.formatted(attempt.context().zone()))
                .withZoneSameInstant(ZoneOffset.UTC).format(UTC);
    }

    /** The time of day as {@code HH:mm:ss.SSS'Z'}; Salesforce times have no zone, the Z is only its format. */
    static String time(Attempt attempt) {
        Object value = attempt.value();
        LocalTime time;
        if (value instanceof String text) {
            Matcher matcher = TIME.matcher(text.strip());
            if (!matcher.matches()) {
                throw attempt.fail(TIME_EXPECTED);
            }
            try {
                time = LocalTime.parse(matcher.group(1));
            } catch (DateTimeException e) {
                throw attempt.fail(TIME_EXPECTED);
            }
        } else if (value instanceof LocalTime local) {
            time = local;
        } else if (value instanceof OffsetTime offset) {
            time = offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        } else {
            throw attempt.fail(TIME_EXPECTED);
        }
        return time.format(TIME_OUT);
    }

    private static ZonedDateTime moment(Attempt attempt, Supplier<String> expected) {
        ZoneId zone = attempt.context().zone();
        Object value = attempt.value();
        ZonedDateTime moment;
        try {
            if (value instanceof String text) {
                moment = parse(text.strip(), zone);
            } else if (value instanceof BigDecimal seconds) {
                moment = epochSeconds(seconds).atZone(zone);
            } else if (value instanceof TemporalAccessor temporal) {
                moment = fromJava(temporal, zone);
            } else {
                throw attempt.fail(expected.get());
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw attempt.fail(expected.get());
        }
        int year = moment.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw attempt.fail("a date between the years " + FIRST_YEAR + " and " + LAST_YEAR
                    + " (a number is read as epoch seconds)");
        }
        return moment;
    }

    private static ZonedDateTime parse(String text, ZoneId zone) {
        if (DATE.matcher(text).matches()) {
            return LocalDate.parse(text).atStartOfDay(zone);
        }
        TemporalAccessor parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        return ((LocalDateTime) parsed).atZone(zone);
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
            throw new DateTimeException("epoch seconds out of range: " + seconds);
        }
        if (seconds.scale() <= 0) {
            return Instant.ofEpochSecond(seconds.longValue()); // whole seconds, as Stripe sends them
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static ZonedDateTime fromJava(TemporalAccessor temporal, ZoneId zone) {
        if (temporal instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (temporal instanceof LocalDateTime local) {
            return local.atZone(zone);
        }
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(zone);
        }
        throw new DateTimeException("not a date or date-time: " + temporal);
    }
}
