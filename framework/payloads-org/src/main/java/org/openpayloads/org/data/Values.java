package org.openpayloads.org.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;

/**
 * Typed field values: String for text, ids and picklists; Boolean; BigDecimal for every number; LocalDate;
 * OffsetDateTime in UTC. This class formats them the way Salesforce does and normalizes them for the index.
 */
public final class Values {

    /** Salesforce's date-time form: {@code 2011-07-07T00:37:00.000+0000}. */
    public static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT);

    private Values() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static String formatDateTime(OffsetDateTime value) {
        return SALESFORCE_DATETIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public static String formatDate(LocalDate value) {
        return value.toString();
    }

    /**
     * The form under which a unique or lookup value is indexed: text without case (Salesforce compares external
     * ids and e-mails that way), numbers without trailing zeros, ids as they are.
     */
    public static String normalize(FieldDefinition field, Object value) {
        String text;
        if (value instanceof BigDecimal number) {
            text = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } else if (field.type() == FieldType.REFERENCE || field.type() == FieldType.ID) {
            text = value.toString();
        } else {
            text = value.toString().toLowerCase(Locale.ROOT);
        }
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
