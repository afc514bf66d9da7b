package org.openpayloads.org.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An object and its fields, system fields included. Field and relationship names match without case. */
public final class ObjectDefinition {

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean custom;
    private final List<FieldDefinition> fields;
    private final Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    private final Map<String, FieldDefinition> byRelationship = new LinkedHashMap<>();

    public ObjectDefinition(String name, String label, String labelPlural, String keyPrefix, boolean custom,
                            List<FieldDefinition> fields) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.custom = custom;
        this.fields = List.copyOf(fields);
        for (FieldDefinition field : this.fields) {
            byName.put(field.name().toLowerCase(Locale.ROOT), field);
            if (field.relationshipName() != null) {
                byRelationship.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
            }
        }
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String labelPlural() {
        return labelPlural;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean custom() {
        return custom;
    }

    /** Every field in describe order: system fields first, then the object's own. */
    public List<FieldDefinition> fields() {
        return fields;
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return Optional.ofNullable(byName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The reference field behind a relationship name, such as AccountId for {@code Account}. */
    public Optional<FieldDefinition> relationship(String relationshipName) {
        return Optional.ofNullable(byRelationship.get(relationshipName.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "ObjectDefinition[" + name + ", " + keyPrefix + ", " + fields.size() + " fields]";
    }
}
