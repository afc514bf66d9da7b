package org.openpayloads.org.soql;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date literal relative to today, such as {@code TODAY} or {@code LAST_N_DAYS:7}. It stands for a range of
 * whole days, from {@link #first} to {@link #last} inclusive, in the time zone of the clock the query is
 * compiled with.
 *
 * @param days the {@code n} of {@code LAST_N_DAYS:n} and {@code NEXT_N_DAYS:n}; 0 for the others
 */
public record RelativeDate(Unit unit, int days) {

    /** The relative date literals that the embedded org supports. */
    public enum Unit {
        /** Today. */
        TODAY,
        /** The day before today. */
        YESTERDAY,
        /** The day after today. */
        TOMORROW,
        /** Today and the {@code n} days before it, as Salesforce documents: LAST_N_DAYS:1 is yesterday and today. */
        LAST_N_DAYS,
        /** The {@code n} days after today, not today itself. */
        NEXT_N_DAYS
    }

    public RelativeDate {
        Objects.requireNonNull(unit, "unit");
        boolean counted = unit == Unit.LAST_N_DAYS || unit == Unit.NEXT_N_DAYS;
        if (days < 0 || (!counted && days != 0)) {
            throw new IllegalArgumentException("Invalid day count " + days + " for " + unit);
        }
    }

    /** The first day of the range. */
    public LocalDate first(LocalDate today) {
        return switch (unit) {
            case TODAY -> today;
            case YESTERDAY -> today.minusDays(1);
            case TOMORROW, NEXT_N_DAYS -> today.plusDays(1);
            case LAST_N_DAYS -> today.minusDays(days);
        };
    }

    /** The last day of the range; before {@link #first} for {@code NEXT_N_DAYS:0}, an empty range. */
    public LocalDate last(LocalDate today) {
        return switch (unit) {
            case TODAY, LAST_N_DAYS -> today;
            case YESTERDAY -> today.minusDays(1);
            case TOMORROW -> today.plusDays(1);
            case NEXT_N_DAYS -> today.plusDays(days);
        };
    }

    /** The literal as SOQL spells it. */
    public String toSoql() {
        return unit == Unit.LAST_N_DAYS || unit == Unit.NEXT_N_DAYS ? unit + ":" + days : unit.name();
    }
}
