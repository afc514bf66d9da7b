package org.openpayloads.org.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a describe type compares: the value class it holds and what equality and order mean for it. */
enum FieldKind {
    TEXT(String.class, "string"),
    ID(String.class, "id"),
    BOOLEAN(Boolean.class, "boolean"),
    INTEGER(BigDecimal.class, "integer"),
    NUMBER(BigDecimal.class, "double"),
    DATE(LocalDate.class, "date"),
    DATETIME(OffsetDateTime.class, "dateTime"),
    /** A type the embedded org cannot filter or sort on, such as base64 or address. */
    UNSUPPORTED(Object.class, "other");

    private final Class<?> javaType;
    private final String soapName;

    FieldKind(Class<?> javaType, String soapName) {
        this.javaType = javaType;
        this.soapName = soapName;
    }

    static FieldKind of(String describeType) {
        return switch (describeType.toLowerCase(Locale.ROOT)) {
            case "string", "textarea", "email", "phone", "url", "picklist", "multipicklist", "combobox",
                    "encryptedstring" -> TEXT;
            case "id", "reference" -> ID;
            case "boolean" -> BOOLEAN;
            case "int", "long" -> INTEGER;
            case "double", "currency", "percent" -> NUMBER;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            default -> UNSUPPORTED;
        };
    }

    /** The type name that Salesforce's filter messages use. */
    String soapName() {
        return soapName;
    }

    /** Whether literals for this kind are written in quotes. */
    boolean quoted() {
        return this == TEXT || this == ID;
    }

    /**
     * A record's value in this kind's Java type. Booleans read null as false, as Salesforce's checkboxes do.
     *
     * @throws IllegalStateException when the record holds a value of another type
     */
    @Nullable Object normalize(@Nullable Object raw, String path) {
        if (raw == null) {
            return this == BOOLEAN ? Boolean.FALSE : null;
        }
        if (javaType.isInstance(raw)) {
            return raw;
        }
        if (javaType == BigDecimal.class && raw instanceof Number) {
            try {
                return new BigDecimal(raw.toString());
            } catch (NumberFormatException e) {
                // NaN or infinite: reported below
            }
        }
        throw new IllegalStateException("Field '" + path + "' holds a " + raw.getClass().getName() + " (" + raw
                + "), but a " + soapName + " field holds a " + javaType.getName());
    }

    /** The literal's value in this kind's Java type, or null when the literal does not fit the kind. */
    @Nullable Object convert(Literal literal) {
        Object value = literal.value();
        return switch (literal.kind()) {
            case STRING -> quoted() ? value : null;
            case BOOLEAN -> this == BOOLEAN ? value : null;
            case NUMBER -> this == NUMBER || (this == INTEGER && isIntegral((BigDecimal) value)) ? value : null;
            case DATE -> this == DATE ? value : null;
            case DATETIME -> this == DATETIME ? value : null;
            case NULL, RELATIVE_DATE -> null;
        };
    }

    /** Equality of two normalized, non-null values: text ignores case; 15- and 18-character ids agree. */
    boolean same(Object a, Object b) {
        return switch (this) {
            case TEXT -> ((String) a).equalsIgnoreCase((String) b);
            case ID -> sameId((String) a, (String) b);
            case INTEGER, NUMBER -> ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
            case DATETIME -> ((OffsetDateTime) a).isEqual((OffsetDateTime) b);
            default -> a.equals(b);
        };
    }

    /** Order of two normalized, non-null values: text ignores case, date-times compare as instants. */
    int compare(Object a, Object b) {
        return switch (this) {
            case TEXT -> String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
            case ID -> ((String) a).compareTo((String) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case INTEGER, NUMBER -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case DATE -> ((LocalDate) a).compareTo((LocalDate) b);
            case DATETIME -> ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
            case UNSUPPORTED -> throw new IllegalStateException("Values of unsupported types are not compared");
        };
    }

    private static boolean sameId(String a, String b) {
        if (a.length() == b.length()) {
            // An 18-character id carries the case of its first 15 in its suffix, so case does not matter.
            return a.length() == 18 ? a.equalsIgnoreCase(b) : a.equals(b);
        }
        if (a.length() == 15 && b.length() == 18) {
            return b.startsWith(a);
        }
        return a.length() == 18 && b.length() == 15 && a.startsWith(b);
    }

    private static boolean isIntegral(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
