package org.openpayloads.engine.model;

/** How a payload is started. Each kind belongs to one {@link Direction}. */
public enum PayloadKind {
    /** An outside system POSTs to the payload's endpoint, for example a webhook. */
    API_PUSH(Direction.INBOUND),
    /** Handles the response of an outbound call. */
    RESPONSE_HANDLER(Direction.INBOUND),
    /** An email sent to the payload's address. */
    EMAIL(Direction.INBOUND),
    /** A poller fetches new items from the outside system on a schedule. */
    POLLING(Direction.INBOUND),
    /** An outside system GETs the payload's endpoint and receives records. */
    API_GET(Direction.OUTBOUND),
    /** A record change sends a call out. */
    RECORD_TRIGGERED(Direction.OUTBOUND),
    /** A schedule sends a call out. */
    SCHEDULED(Direction.OUTBOUND);

    private final Direction direction;

    PayloadKind(Direction direction) {
        this.direction = direction;
    }

    public Direction direction() {
        return direction;
    }

    /** Whether this kind calls an outside endpoint, and so needs its URL and method. */
    public boolean callsOut() {
        return this == RECORD_TRIGGERED || this == SCHEDULED;
    }
}
