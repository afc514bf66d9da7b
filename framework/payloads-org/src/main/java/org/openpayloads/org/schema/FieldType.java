package org.openpayloads.org.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The field types the org knows, by their describe names. */
public enum FieldType {
    ID("id", "tns:ID"),
    STRING("string", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    URL("url", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    REFERENCE("reference", "tns:ID"),
    TEXTAREA("textarea", "xsd:string");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    /** The type as describe calls show it: {@code string}, {@code currency}, ... */
    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    public boolean isNumber() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    /** Whether values are text with a maximum length. */
    public boolean hasLength() {
        return this == STRING || this == EMAIL || this == PHONE || this == URL || this == PICKLIST
                || this == TEXTAREA;
    }

    public static Optional<FieldType> ofDescribeName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.describeName.equals(wanted)).findFirst();
    }

    /** The describe names a custom field may have, for error messages. */
    public static String customTypeNames() {
        return Arrays.stream(values()).filter(t -> t != ID).map(FieldType::describeName)
                .collect(Collectors.joining(", "));
    }
}
