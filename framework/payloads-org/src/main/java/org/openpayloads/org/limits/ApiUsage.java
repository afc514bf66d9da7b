package org.openpayloads.org.limits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.openpayloads.org.db.SettingStore;

/**
 * The daily API request count, per UTC day, against a configurable limit. Counted in memory and saved every
 * {@value #SAVE_EVERY} requests and on {@link #save()}, so a restart loses at most that many.
 */
public final class ApiUsage {

    static final String LIMIT_SETTING = "daily_api_limit";
    static final String USAGE_SETTING = "api_usage";
    static final int SAVE_EVERY = 100;

    private final Clock clock;
    private final SettingStore settings;
    private long limit;
    private LocalDate day;
    private long used;
    private long unsaved;

    public ApiUsage(Clock clock, SettingStore settings, long defaultLimit) {
        this.clock = clock;
        this.settings = settings;
        this.limit = settings.get(LIMIT_SETTING).map(Long::parseLong).orElse(defaultLimit);
        this.day = today();
        this.used = settings.get(USAGE_SETTING).filter(v -> v.startsWith(day + "=")).map(v -> Long.parseLong(
                v.substring(v.indexOf('=') + 1))).orElse(0L);
    }

    /** Counts one request; false (and not counted) when today's limit is reached. */
    public boolean tryAcquire() {
        boolean save;
        synchronized (this) {
            roll();
            if (used >= limit) {
                return false;
            }
            used++;
            save = ++unsaved >= SAVE_EVERY;
        }
        if (save) {
            save();
        }
        return true;
    }

    public synchronized long used() {
        roll();
        return used;
    }

    public synchronized long limit() {
        return limit;
    }

    /** {@code api-usage=N/LIMIT}, the value of Salesforce's {@code Sforce-Limit-Info} header. */
    public String header() {
        synchronized (this) {
            roll();
            return "api-usage=" + used + "/" + limit;
        }
    }

    public void setLimit(long newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("daily API limit was " + newLimit + "; expected 1 or more");
        }
        settings.put(LIMIT_SETTING, Long.toString(newLimit));
        synchronized (this) {
            limit = newLimit;
        }
    }

    public void save() {
        String value;
        synchronized (this) {
            value = day + "=" + used;
            unsaved = 0;
        }
        settings.put(USAGE_SETTING, value);
    }

    private void roll() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
