package org.openpayloads.engine.model;

/** What an inbound endpoint does with a request while its integration or payload is inactive. */
public enum InactiveBehaviour {
    /** Accept and store the job as HELD; it runs when the payload is activated. */
    HOLD,
    /** Answer 503 with Retry-After; nothing is stored. */
    REJECT
}
