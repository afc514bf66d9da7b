package org.openpayloads.engine.model;

/** What started a job. */
public enum JobSource {
    EXTERNAL_API("External API"),
    EMAIL("Email"),
    POLLING("Polling"),
    RECORD_CHANGE("Record change"),
    SCHEDULE("Schedule"),
    REPLAY("Replay");

    private final String label;

    JobSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
