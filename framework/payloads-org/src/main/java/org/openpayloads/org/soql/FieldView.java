package org.openpayloads.org.soql;

/** One field of an {@link ObjectView}. */
public interface FieldView {

    /** The field's canonical API name, such as {@code Name}. */
    String name();

    /**
     * The Salesforce describe type: id, string, textarea, boolean, int, double, currency, percent, date,
     * datetime, email, phone, url, picklist or reference. Fields of other types can be selected but not
     * filtered or sorted on.
     */
    String type();
}
