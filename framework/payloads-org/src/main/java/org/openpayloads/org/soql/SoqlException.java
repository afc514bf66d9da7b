package org.openpayloads.org.soql;

import java.util.Objects;

/**
 * A query that the embedded org refuses, with Salesforce's error code and a message in Salesforce's
 * shape: the offending line, a caret under the column, {@code ERROR at Row:r:Column:c} and the reason.
 */
public final class SoqlException extends RuntimeException {

    /** Bad syntax, or syntax that the embedded org does not support. */
    public static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    /** An unknown field or relationship, or a value of the wrong type for its field. */
    public static final String INVALID_FIELD = "INVALID_FIELD";
    /** An unknown object. */
    public static final String INVALID_TYPE = "INVALID_TYPE";

    /** Lines longer than this are shown as a window around the error, as Salesforce does. */
    private static final int CONTEXT = 60;

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** Salesforce's error code: {@link #MALFORMED_QUERY}, {@link #INVALID_FIELD} or {@link #INVALID_TYPE}. */
    public String errorCode() {
        return errorCode;
    }

    static SoqlException malformed(String soql, int offset, String reason) {
        return at(MALFORMED_QUERY, soql, offset, reason);
    }

    static SoqlException unsupported(String soql, int offset, String construct) {
        return at(MALFORMED_QUERY, soql, offset, construct + " is not supported by the embedded org");
    }

    static SoqlException at(String errorCode, String soql, int offset, String reason) {
        return new SoqlException(errorCode, located(soql, offset, reason));
    }

    /** {@code \n<line>\n<spaces>^\nERROR at Row:r:Column:c\n<reason>}, rows and columns counted from 1. */
    static String located(String soql, int offset, String reason) {
        int at = Math.max(0, Math.min(offset, soql.length()));
        int lineStart = soql.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = soql.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = soql.length();
        }
        int row = 1;
        for (int i = 0; i < lineStart; i++) {
            if (soql.charAt(i) == '\n') {
                row++;
            }
        }
        int column = at - lineStart + 1;
        int shownStart = Math.max(lineStart, at - CONTEXT);
        int shownEnd = Math.min(lineEnd, at + CONTEXT);
        String line = soql.substring(shownStart, shownEnd).replace('\r', ' ');
        return "\n" + line + "\n" + " ".repeat(at - shownStart) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + reason;
    }
}
