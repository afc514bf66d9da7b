package org.openpayloads.api.records;

import java.util.List;

/**
 * One field of an object, as the target describes it.
 *
 * @param name the API name, for example {@code AnnualRevenue}
 * @param type the target's type name, for example {@code currency}, {@code reference} or {@code picklist}
 * @param length the maximum length of a text value; 0 where length does not apply
 * @param nillable whether the field may be blank
 * @param createable whether an insert may set it
 * @param updateable whether an update may set it
 * @param externalId whether upserts may match on it
 * @param unique whether no two records may share a value
 * @param picklistValues the active values of a picklist; empty for other types
 * @param referenceTo the objects a reference field may point to; empty for other types
 */
public record FieldDescription(String name, String type, int length, boolean nillable, boolean createable,
                               boolean updateable, boolean externalId, boolean unique, List<String> picklistValues,
                               List<String> referenceTo) {

    public FieldDescription {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a field description needs a name");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length of field '" + name + "' was " + length + "; expected 0 or more");
        }
        picklistValues = List.copyOf(picklistValues);
        referenceTo = List.copyOf(referenceTo);
    }
}
