package org.openpayloads.api.connector;

/**
 * Hears what a connector's client notices while it works. Called from the client's threads, so an
 * implementation returns quickly and is thread-safe.
 */
public interface ConnectorListener {

    /** A listener that ignores everything. */
    ConnectorListener NONE = new ConnectorListener() {
        @Override
        public void limitUsage(String connection, long used, long max) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public String toString() {
            return "ConnectorListener.NONE";
        }
    };

    /**
     * The target reported how much of its API allowance is used, for example Salesforce's daily request
     * limit.
     *
     * @param connection which connection this is about, for example an org's instance URL
     */
    void limitUsage(String connection, long used, long max);

    /** Something an operator should know about, such as usage past a threshold. Never contains a secret. */
    void warn(String message);
}
