package org.openpayloads.api.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An object's fields, as the target describes them.
 *
 * @param name the object's API name, for example {@code Account}
 * @param fields by API name, in the target's order
 */
public record ObjectDescription(String name, Map<String, FieldDescription> fields) {

    public ObjectDescription {
        if (name.isBlank()) {
            throw new IllegalArgumentException("an object description needs a name");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The named field. Salesforce API names are case-insensitive, so {@code annualrevenue} finds
     * {@code AnnualRevenue}.
     */
    public Optional<FieldDescription> field(String fieldName) {
        FieldDescription exact = fields.get(fieldName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return fields.values().stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
    }
}
