package org.openpayloads.connector.salesforce;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.HttpResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code Sforce-Limit-Info: api-usage=N/M} from every answer, tells the listener, and warns once
 * each time usage climbs past the threshold (again after it has fallen back, as the 24-hour window rolls).
 */
final class LimitWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(LimitWatcher.class);

    /** Not preceded by a letter or dash, so that {@code per-app-api-usage=} is not read as the org's usage. */
    private static final Pattern API_USAGE = Pattern.compile("(?<![\\w-])api-usage=(\\d+)/(\\d+)");

    private final ConnectorListener listener;
    private final int warnPercent;
    private final AtomicBoolean above = new AtomicBoolean();

    LimitWatcher(ConnectorListener listener, int warnPercent) {
        this.listener = listener;
        this.warnPercent = warnPercent;
    }

    void observe(String connection, HttpResult result) {
        String header = result.header("Sforce-Limit-Info").orElse(null);
        if (header == null) {
            return;
        }
        Matcher usage = API_USAGE.matcher(header);
        if (!usage.find()) {
            return;
        }
        long used;
        long max;
        try {
            used = Long.parseLong(usage.group(1));
            max = Long.parseLong(usage.group(2));
        } catch (NumberFormatException e) {
            return;
        }
        try {
            listener.limitUsage(connection, used, max);
            boolean isAbove = max > 0 && used * 100 >= max * warnPercent;
            if (isAbove && above.compareAndSet(false, true)) {
                listener.warn("Salesforce API usage of " + connection + " is " + used + " of " + max + " requests ("
                        + (used * 100 / max) + "%), past the warning threshold of " + warnPercent + "% (limitWarnPercent)");
            } else if (!isAbove) {
                above.set(false);
            }
        } catch (RuntimeException e) {
            // A listener's failure must not fail the write that carried the header.
            LOG.warn("The connector listener failed on a limit report", e);
        }
    }
}
