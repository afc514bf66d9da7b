package org.openpayloads.connector.salesforce;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openpayloads.api.connector.ConnectorListener;

/** Keeps what the client reported. */
final class RecordingListener implements ConnectorListener {

    record Usage(String connection, long used, long max) {
    }

    final List<Usage> usages = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void limitUsage(String connection, long used, long max) {
        usages.add(new Usage(connection, used, max));
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }
}
