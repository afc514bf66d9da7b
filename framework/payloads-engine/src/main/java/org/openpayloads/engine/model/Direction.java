package org.openpayloads.engine.model;

/** Which way a payload travels, seen from the records' side. */
public enum Direction {
    /** An outside system sends data in; targets write it as records. */
    INBOUND("IN"),
    /** Records are read by sources and sent out, or served on a GET. */
    OUTBOUND("OUT");

    private final String jobPrefix;

    Direction(String jobPrefix) {
        this.jobPrefix = jobPrefix;
    }

    /** The prefix of this direction's job numbers, as in IN-000123. */
    public String jobPrefix() {
        return jobPrefix;
    }
}
