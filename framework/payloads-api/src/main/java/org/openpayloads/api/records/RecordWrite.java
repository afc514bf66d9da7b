package org.openpayloads.api.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One record to write. Checked when made, so that a malformed write fails in the caller, not in a
 * batch with others.
 *
 * <ul>
 *   <li>{@code INSERT}: no id, no external id field.
 *   <li>{@code UPDATE}: an id; no external id field.
 *   <li>{@code UPSERT}: an external id field whose value is in {@code fields}; no id.
 *   <li>{@code DELETE}: an id, or an external id field whose value is in {@code fields}.
 * </ul>
 *
 * @param object the object's API name, for example {@code Contact}
 * @param externalIdField the field an upsert (or a delete) matches on, for example {@code Email}
 * @param id the record's id, for updates and deletes
 * @param fields field API name to value; a null value blanks the field. Values are strings, numbers,
 *     booleans, {@link java.time.LocalDate}s, {@link java.time.Instant}s or
 *     {@link java.time.OffsetDateTime}s, or a map that names a parent by its external id
 */
public record RecordWrite(WriteKind kind, String object, @Nullable String externalIdField, @Nullable String id,
                          Map<String, @Nullable Object> fields) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,18}");

    public RecordWrite {
        requireApiName("object", object);
        if (externalIdField != null) {
            requireApiName("externalIdField", externalIdField);
        }
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id of " + kind + " " + object + " was '" + id
                    + "'; expected a record id of up to 18 letters and digits");
        }
        // Values may be null (blank the field), which Map.copyOf refuses.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        switch (kind) {
            case INSERT -> {
                forbid(kind, object, "id", id);
                forbid(kind, object, "externalIdField", externalIdField);
            }
            case UPDATE -> {
                require(kind, object, "id", id);
                forbid(kind, object, "externalIdField", externalIdField);
            }
            case UPSERT -> {
                require(kind, object, "externalIdField", externalIdField);
                forbid(kind, object, "id", id);
                requireExternalIdValue(kind, object, externalIdField, fields);
            }
            case DELETE -> {
                if ((id == null) == (externalIdField == null)) {
                    throw new IllegalArgumentException("a DELETE of " + object
                            + " needs either an id or an external id field, not " + (id == null ? "neither" : "both"));
                }
                if (externalIdField != null) {
                    requireExternalIdValue(kind, object, externalIdField, fields);
                }
            }
        }
    }

    public static RecordWrite insert(String object, Map<String, @Nullable Object> fields) {
        return new RecordWrite(WriteKind.INSERT, object, null, null, fields);
    }

    public static RecordWrite update(String object, String id, Map<String, @Nullable Object> fields) {
        return new RecordWrite(WriteKind.UPDATE, object, null, id, fields);
    }

    public static RecordWrite upsert(String object, String externalIdField, Map<String, @Nullable Object> fields) {
        return new RecordWrite(WriteKind.UPSERT, object, externalIdField, null, fields);
    }

    public static RecordWrite delete(String object, String id) {
        return new RecordWrite(WriteKind.DELETE, object, null, id, Map.of());
    }

    public static RecordWrite deleteByExternalId(String object, String externalIdField, Object value) {
        return new RecordWrite(WriteKind.DELETE, object, externalIdField, null, Map.of(externalIdField, value));
    }

    /** The value of {@link #externalIdField()} in {@link #fields()}; null when there is no such field. */
    public @Nullable Object externalIdValue() {
        return externalIdField == null ? null : fields.get(externalIdField);
    }

    private static void requireApiName(String what, String value) {
        if (!isApiName(value)) {
            throw new IllegalArgumentException(what + " was '" + value
                    + "'; expected an API name: a letter, then letters, digits or underscores (80 at most)");
        }
    }

    /** {@code [A-Za-z][A-Za-z0-9_]{0,79}}, tested without a matcher: every write checks up to two names. */
    private static boolean isApiName(String value) {
        int length = value.length();
        if (length == 0 || length > 80 || !isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isLetter(c) && (c < '0' || c > '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void require(WriteKind kind, String object, String what, @Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("an " + kind + " of " + object + " needs " + what);
        }
    }

    private static void forbid(WriteKind kind, String object, String what, @Nullable String value) {
        if (value != null) {
            throw new IllegalArgumentException("an " + kind + " of " + object + " cannot have " + what + " (was '"
                    + value + "')");
        }
    }

    private static void requireExternalIdValue(WriteKind kind, String object, @Nullable String field,
                                               Map<String, @Nullable Object> fields) {
        Object value = fields.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("an " + kind + " of " + object + " by " + field + " needs a value for "
                    + field + " in its fields, but it was " + (value == null ? "missing" : "blank"));
        }
    }
}
