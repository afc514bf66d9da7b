package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.connector.salesforce.RecordingListener.Usage;

class LimitWatcherTest {

    private final RecordingListener listener = new RecordingListener();
    private final LimitWatcher watcher = new LimitWatcher(listener, 80);

    @Test
    void readsTheOrgsUsageNotAnAppsUsage() {
        watcher.observe("https://na1.salesforce.com", usage("per-app-api-usage=17/250(appName=sample), api-usage=25/15000"));
        watcher.observe("https://na1.salesforce.com", usage("per-app-api-usage=17/250(appName=sample)"));

        assertThat(listener.usages).containsExactly(new Usage("https://na1.salesforce.com", 25, 15000));
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void warnsOncePerClimbPastTheThreshold() {
        watcher.observe("org", usage("api-usage=3999/5000"));
        watcher.observe("org", usage("api-usage=4000/5000"));
        watcher.observe("org", usage("api-usage=4500/5000"));
        assertThat(listener.warnings).singleElement().asString().contains("4000 of 5000 requests (80%)");

        watcher.observe("org", usage("api-usage=100/5000"));
        watcher.observe("org", usage("api-usage=4900/5000"));
        assertThat(listener.warnings).hasSize(2);
    }

    @Test
    void ignoresAnswersWithoutOrWithGarbledUsage() {
        watcher.observe("org", new HttpResult(200, Map.of(), new byte[0]));
        watcher.observe("org", usage("api-usage=lots"));
        watcher.observe("org", usage("api-usage=99999999999999999999/5"));
        assertThat(listener.usages).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotFailTheCall() {
        LimitWatcher fragile = new LimitWatcher(new ConnectorListener() {
            @Override
            public void limitUsage(String connection, long used, long max) {
                throw new IllegalStateException("metrics are down");
            }

            @Override
            public void warn(String message) {
            }
        }, 80);
        assertThatNoException().isThrownBy(() -> fragile.observe("org", usage("api-usage=1/2")));
    }

    private static HttpResult usage(String header) {
        return new HttpResult(200, Map.of("Sforce-Limit-Info", header), new byte[0]);
    }
}
