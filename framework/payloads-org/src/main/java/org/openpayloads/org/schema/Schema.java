package org.openpayloads.org.schema;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.openpayloads.org.db.FieldEntity;
import org.openpayloads.org.db.ObjectEntity;
import org.openpayloads.org.db.TxRunner;
import org.openpayloads.org.schema.SchemaException.Problem;
import org.openpayloads.org.schema.SchemaRules.ObjectContext;

/**
 * The org's objects and fields, stored as data. Reads come from an immutable {@link SchemaSnapshot} that each
 * change replaces; changes are serialized, as they are rare and must see each other.
 */
public final class Schema {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final TxRunner tx;
    private final Clock clock;
    private final SchemaStore store = new SchemaStore();
    private final AtomicReference<SchemaSnapshot> current = new AtomicReference<>(new SchemaSnapshot(List.of()));

    public Schema(TxRunner tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Seeds the standard objects into an empty org, then loads the schema. */
    public synchronized void start() {
        tx.write(session -> {
            if (store.countObjects(session) == 0) {
                for (StandardObjects.Seed seed : StandardObjects.seeds()) {
                    store.insertObject(session, seed.name(), seed.label(), seed.labelPlural(), seed.keyPrefix(),
                            false, seed.fields(), clock.instant());
                }
            }
            return null;
        });
        reload();
    }

    public SchemaSnapshot snapshot() {
        return current.get();
    }

    public List<ObjectDefinition> objects() {
        return snapshot().objects();
    }

    public Optional<ObjectDefinition> object(String name) {
        return snapshot().object(name);
    }

    public synchronized ObjectDefinition createObject(ObjectSpec spec) {
        SchemaSnapshot schema = snapshot();
        List<Problem> problems = new ArrayList<>();
        SchemaRules.checkCustomName(spec.name(), "name", "object", problems);
        SchemaRules.checkLabel(spec.label(), "label", problems);
        SchemaRules.checkLabel(spec.labelPlural(), "labelPlural", problems);
        if (problems.isEmpty() && schema.object(Objects.requireNonNull(spec.name())).isPresent()) {
            throw new SchemaException(SchemaException.Kind.CONFLICT, "Object " + spec.name() + " already exists",
                    List.of(new Problem("name", "Object " + spec.name() + " already exists")));
        }
        if (!problems.isEmpty()) {
            throw SchemaException.invalid(problems);
        }
        String name = Objects.requireNonNull(spec.name());
        String label = spec.label() == null ? SchemaRules.defaultLabel(name) : spec.label();
        String plural = spec.labelPlural() == null ? label + "s" : spec.labelPlural();
        List<FieldDefinition> fields = newFields(spec.fields(), name, plural, schema);
        String keyPrefix = nextKeyPrefix(schema);
        tx.write(session -> store.insertObject(session, name, label, plural, keyPrefix, true, fields,
                clock.instant()));
        reload();
        return object(name).orElseThrow();
    }

    public synchronized ObjectDefinition updateObject(String name, String label, String labelPlural) {
        ObjectDefinition object = customObject(name, "changed");
        List<Problem> problems = new ArrayList<>();
        SchemaRules.checkLabel(label, "label", problems);
        SchemaRules.checkLabel(labelPlural, "labelPlural", problems);
        if (!problems.isEmpty()) {
            throw SchemaException.invalid(problems);
        }
        tx.write(session -> {
            ObjectEntity entity = store.objectEntity(session, object.name());
            entity.label = label;
            entity.labelPlural = labelPlural;
            entity.modifiedAt = clock.instant();
            return null;
        });
        reload();
        return object(name).orElseThrow();
    }

    /** Deletes a custom object with all of its records. Refused while another object's field references it. */
    public synchronized void deleteObject(String name) {
        ObjectDefinition object = customObject(name, "deleted");
        List<String> referencing = snapshot().objects().stream()
                .filter(o -> !o.name().equals(object.name()))
                .flatMap(o -> o.fields().stream().filter(f -> object.name().equals(f.referenceTo()))
                        .map(f -> o.name() + "." + f.name()))
                .toList();
        if (!referencing.isEmpty()) {
            throw SchemaException.conflict("Object " + object.name() + " is referenced by " + String.join(", ",
                    referencing) + "; delete those fields first");
        }
        tx.write(session -> {
            store.deleteRecordsOf(session, object.name());
            session.remove(store.objectEntity(session, object.name()));
            return null;
        });
        reload();
    }

    public synchronized FieldDefinition createField(String objectName, FieldSpec spec) {
        ObjectDefinition object = object(objectName).orElseThrow(() -> noObject(objectName));
        List<Problem> problems = new ArrayList<>();
        Optional<FieldDefinition> field = SchemaRules.newField(spec, "", context(object), snapshot(), problems);
        if (field.isEmpty()) {
            throw SchemaException.invalid(problems);
        }
        tx.write(session -> {
            ObjectEntity entity = store.objectEntity(session, object.name());
            store.insertField(session, entity, field.get(), store.nextPosition(session, entity));
            entity.modifiedAt = clock.instant();
            return null;
        });
        reload();
        return field.get();
    }

    /**
     * Replaces a custom field's label, length, precision, scale, required flag and picklist. Its type, keys and
     * reference cannot change, as existing values and index entries depend on them.
     */
    public synchronized FieldDefinition updateField(String objectName, String fieldName, FieldSpec spec) {
        ObjectDefinition object = object(objectName).orElseThrow(() -> noObject(objectName));
        FieldDefinition existing = customField(object, fieldName, "changed");
        List<Problem> problems = new ArrayList<>();
        if (spec.name() != null && !spec.name().equals(existing.name())) {
            problems.add(new Problem("name", "A field cannot be renamed (from " + existing.name() + " to "
                    + spec.name() + "); expected the name " + existing.name() + " or none"));
        }
        FieldSpec renamed = new FieldSpec(existing.name(), spec.label(),
                spec.type() == null ? existing.type().describeName() : spec.type(), spec.length(), spec.precision(),
                spec.scale(), spec.required(), spec.unique() == null ? existing.unique() && !existing.externalId()
                : spec.unique(), spec.externalId() == null ? existing.externalId() : spec.externalId(),
                spec.picklistValues() == null ? existing.picklistValues() : spec.picklistValues(),
                spec.restrictedPicklist(), spec.referenceTo() == null ? existing.referenceTo() : spec.referenceTo(),
                spec.relationshipName() == null ? existing.relationshipName() : spec.relationshipName(),
                spec.masterDetail() == null ? existing.cascadeDelete() : spec.masterDetail());
        ObjectContext context = context(object, existing);
        Optional<FieldDefinition> checked = SchemaRules.newField(renamed, "", context, snapshot(), problems);
        checked.ifPresent(f -> immutable(existing, f, problems));
        if (!problems.isEmpty() || checked.isEmpty()) {
            throw SchemaException.invalid(problems);
        }
        FieldDefinition updated = checked.get();
        tx.write(session -> {
            store.updateField(session, store.fieldEntity(session, object.name(), existing.name()), updated);
            return null;
        });
        reload();
        return updated;
    }

    /** Deletes a custom field and its values from every record. */
    public synchronized void deleteField(String objectName, String fieldName) {
        ObjectDefinition object = object(objectName).orElseThrow(() -> noObject(objectName));
        FieldDefinition field = customField(object, fieldName, "deleted");
        tx.write(session -> {
            store.removeValues(session, object.name(), field.name());
            session.remove(store.fieldEntity(session, object.name(), field.name()));
            return null;
        });
        reload();
    }

    /** Reads every definition from the database into a new snapshot. */
    public void reload() {
        current.set(tx.read(this::load));
    }

    private SchemaSnapshot load(Session session) {
        Map<String, List<FieldEntity>> fields = store.allFields(session).stream().collect(Collectors.groupingBy(
                f -> f.object.name, LinkedHashMap::new, Collectors.toList()));
        List<ObjectDefinition> objects = new ArrayList<>();
        for (ObjectEntity o : store.allObjects(session)) {
            List<FieldDefinition> defs = new ArrayList<>(StandardObjects.systemFields(o.name));
            List<FieldDefinition> own = fields.getOrDefault(o.name, List.of()).stream().map(SchemaStore::definition)
                    .toList();
            defs.addAll(own);
            boolean person = own.stream().anyMatch(f -> f.name().equals("FirstName"))
                    && own.stream().anyMatch(f -> f.name().equals("LastName"));
            if (person && own.stream().noneMatch(f -> f.name().equals("Name"))) {
                defs.add(StandardObjects.computedName(121));
            }
            if (o.custom && own.stream().noneMatch(f -> f.name().equals("Name"))) {
                defs.add(new FieldDefinition("Name", o.label + " Name", FieldType.STRING, 80, 0, 0, false, false,
                        false, true, false, false, List.of(), false, null, null, null, false));
            }
            objects.add(new ObjectDefinition(o.name, o.label, o.labelPlural, o.keyPrefix, o.custom, defs));
        }
        return new SchemaSnapshot(objects);
    }

    private List<FieldDefinition> newFields(List<FieldSpec> specs, String objectName, String plural,
                                            SchemaSnapshot schema) {
        List<Problem> problems = new ArrayList<>();
        List<FieldDefinition> fields = new ArrayList<>();
        ObjectContext context = new ObjectContext(objectName, plural, new java.util.HashSet<>(Set.of("name", "id")),
                new java.util.HashSet<>());
        for (int i = 0; i < specs.size(); i++) {
            Optional<FieldDefinition> field = SchemaRules.newField(specs.get(i), "fields[" + i + "].", context,
                    schema, problems);
            field.ifPresent(f -> {
                fields.add(f);
                context.fieldNames().add(f.name().toLowerCase(Locale.ROOT));
                if (f.relationshipName() != null) {
                    context.relationshipNames().add(f.relationshipName().toLowerCase(Locale.ROOT));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw SchemaException.invalid(problems);
        }
        return fields;
    }

    private static void immutable(FieldDefinition before, FieldDefinition after, List<Problem> problems) {
        check(before.type().describeName(), after.type().describeName(), "type", problems);
        check(before.externalId(), after.externalId(), "externalId", problems);
        check(before.unique(), after.unique(), "unique", problems);
        check(before.referenceTo(), after.referenceTo(), "referenceTo", problems);
        check(before.relationshipName(), after.relationshipName(), "relationshipName", problems);
        check(before.cascadeDelete(), after.cascadeDelete(), "masterDetail", problems);
    }

    private static void check(Object before, Object after, String property, List<Problem> problems) {
        if (!Objects.equals(before, after)) {
            problems.add(new Problem(property, "The " + property + " of a field cannot change (from " + before
                    + " to " + after + "); delete the field and create it again"));
        }
    }

    private static ObjectContext context(ObjectDefinition object, FieldDefinition... except) {
        Set<String> names = new java.util.HashSet<>();
        Set<String> relationships = new java.util.HashSet<>();
        for (FieldDefinition f : object.fields()) {
            if (except.length > 0 && f.name().equals(except[0].name())) {
                continue;
            }
            names.add(f.name().toLowerCase(Locale.ROOT));
            if (f.relationshipName() != null) {
                relationships.add(f.relationshipName().toLowerCase(Locale.ROOT));
            }
        }
        return new ObjectContext(object.name(), object.labelPlural(), names, relationships);
    }

    private ObjectDefinition customObject(String name, String verb) {
        ObjectDefinition object = object(name).orElseThrow(() -> noObject(name));
        if (!object.custom()) {
            throw SchemaException.conflict(object.name() + " is a standard object and cannot be " + verb
                    + "; only custom objects (ending in __c) can");
        }
        return object;
    }

    private static FieldDefinition customField(ObjectDefinition object, String fieldName, String verb) {
        FieldDefinition field = object.field(fieldName).orElseThrow(() -> SchemaException.notFound("No field '"
                + fieldName + "' on " + object.name()));
        if (!field.custom()) {
            throw SchemaException.conflict(object.name() + "." + field.name() + " is a standard field and cannot be "
                    + verb + "; only custom fields (ending in __c) can");
        }
        return field;
    }

    private static SchemaException noObject(String name) {
        return SchemaException.notFound("No object '" + name + "'; expected the name of an existing object, "
                + "such as Account or a custom object ending in __c");
    }

    /** The first unused key prefix of a00 to azz, the range Salesforce gives custom objects. */
    static String nextKeyPrefix(SchemaSnapshot schema) {
        for (int i = 0; i < 62 * 62; i++) {
            String prefix = "a" + BASE62.charAt(i / 62) + BASE62.charAt(i % 62);
            if (schema.byKeyPrefix(prefix).isEmpty()) {
                return prefix;
            }
        }
        throw SchemaException.conflict("All 3844 custom object key prefixes (a00 to azz) are in use");
    }
}
