package org.openpayloads.org.data;

import java.util.List;

/**
 * One Salesforce error: a status code such as {@code REQUIRED_FIELD_MISSING}, a message, and the fields it is
 * about. Single-record responses show the code as {@code errorCode}, collections as {@code statusCode}.
 */
public record SfError(String code, String message, List<String> fields) {

    public SfError {
        fields = List.copyOf(fields);
    }

    public static SfError of(String code, String message, String... fields) {
        return new SfError(code, message, List.of(fields));
    }

    public static SfError invalidField(String field, String objectName) {
        return of("INVALID_FIELD", "No such column '" + field + "' on sobject of type " + objectName);
    }

    public static SfError rolledBack() {
        return of("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and "
                + "the request was using AllOrNone header");
    }
}
