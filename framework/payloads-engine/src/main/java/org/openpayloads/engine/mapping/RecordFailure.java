package org.openpayloads.engine.mapping;

/** Why one record of a target failed; becomes the record's error code and message, never leaves the engine. */
final class RecordFailure extends RuntimeException {

    private final String code;

    RecordFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
