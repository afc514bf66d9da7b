package org.openpayloads.org.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every object definition at one moment: immutable, so a request sees one schema from start to end. */
public final class SchemaSnapshot {

    private final Map<String, ObjectDefinition> byName = new HashMap<>();
    private final Map<String, ObjectDefinition> byPrefix = new HashMap<>();
    private final Map<String, List<ChildRelationship>> children = new HashMap<>();
    private final List<ObjectDefinition> sorted;

    public SchemaSnapshot(Collection<ObjectDefinition> objects) {
        for (ObjectDefinition object : objects) {
            byName.put(object.name().toLowerCase(Locale.ROOT), object);
            byPrefix.put(object.keyPrefix(), object);
            for (FieldDefinition field : object.fields()) {
                if (field.referenceTo() != null && field.childRelationshipName() != null) {
                    children.computeIfAbsent(field.referenceTo().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(new ChildRelationship(object.name(), field.name(), field.childRelationshipName(),
                                    field.cascadeDelete()));
                }
            }
        }
        List<ObjectDefinition> list = new ArrayList<>(objects);
        list.sort(Comparator.comparing(ObjectDefinition::name));
        sorted = List.copyOf(list);
    }

    public Optional<ObjectDefinition> object(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<ObjectDefinition> byKeyPrefix(String keyPrefix) {
        return Optional.ofNullable(byPrefix.get(keyPrefix));
    }

    /** Every object, by name. */
    public List<ObjectDefinition> objects() {
        return sorted;
    }

    /** The references that point at an object. */
    public List<ChildRelationship> childRelationships(String objectName) {
        return List.copyOf(children.getOrDefault(objectName.toLowerCase(Locale.ROOT), List.of()));
    }
}
