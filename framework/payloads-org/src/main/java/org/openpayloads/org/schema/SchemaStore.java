package org.openpayloads.org.schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;
import org.openpayloads.org.db.FieldEntity;
import org.openpayloads.org.db.ObjectEntity;
import org.openpayloads.org.db.RecordEntity;

/** Reads and writes object and field definitions; the only class of the schema that sees entities. */
final class SchemaStore {

    private static final int CHUNK = 500;

    long countObjects(Session session) {
        return session.createSelectionQuery("select count(o) from ObjectEntity o", Long.class).getSingleResult();
    }

    List<ObjectEntity> allObjects(Session session) {
        return session.createSelectionQuery("from ObjectEntity o order by o.id", ObjectEntity.class).getResultList();
    }

    List<FieldEntity> allFields(Session session) {
        return session.createSelectionQuery("from FieldEntity f join fetch f.object order by f.object.id, f.position",
                FieldEntity.class).getResultList();
    }

    ObjectEntity objectEntity(Session session, String name) {
        return session.createSelectionQuery("from ObjectEntity o where o.name = :name", ObjectEntity.class)
                .setParameter("name", name).getSingleResult();
    }

    FieldEntity fieldEntity(Session session, String objectName, String fieldName) {
        return session.createSelectionQuery("from FieldEntity f where f.object.name = :o and f.name = :f",
                FieldEntity.class).setParameter("o", objectName).setParameter("f", fieldName).getSingleResult();
    }

    int nextPosition(Session session, ObjectEntity object) {
        Integer max = session.createSelectionQuery("select max(f.position) from FieldEntity f where f.object = :o",
                Integer.class).setParameter("o", object).getSingleResult();
        return max == null ? 0 : max + 1;
    }

    Void insertObject(Session session, String name, String label, String plural, String keyPrefix, boolean custom,
                      List<FieldDefinition> fields, Instant now) {
        ObjectEntity object = new ObjectEntity();
        object.name = name;
        object.label = label;
        object.labelPlural = plural;
        object.keyPrefix = keyPrefix;
        object.custom = custom;
        object.createdAt = now;
        object.modifiedAt = now;
        session.persist(object);
        for (int i = 0; i < fields.size(); i++) {
            insertField(session, object, fields.get(i), i);
        }
        return null;
    }

    void insertField(Session session, ObjectEntity object, FieldDefinition field, int position) {
        FieldEntity entity = new FieldEntity();
        entity.object = object;
        entity.name = field.name();
        entity.position = position;
        updateField(session, entity, field);
        session.persist(entity);
    }

    void updateField(Session session, FieldEntity entity, FieldDefinition field) {
        entity.label = field.label();
        entity.type = field.type().describeName();
        entity.length = field.length();
        entity.precision = field.precision();
        entity.scale = field.scale();
        entity.required = field.required();
        entity.uniqueValue = field.unique();
        entity.externalId = field.externalId();
        entity.idLookup = field.idLookup();
        entity.custom = field.custom();
        entity.picklistValues = field.picklistValues().isEmpty() ? null : String.join("\n", field.picklistValues());
        entity.restrictedPicklist = field.restrictedPicklist();
        entity.referenceTo = field.referenceTo();
        entity.relationshipName = field.relationshipName();
        entity.childRelationshipName = field.childRelationshipName();
        entity.cascadeDelete = field.cascadeDelete();
    }

    static FieldDefinition definition(FieldEntity f) {
        FieldType type = FieldType.ofDescribeName(f.type).orElseThrow(() -> new IllegalStateException("Field "
                + f.name + " has the unknown type '" + f.type + "' in org_field"));
        List<String> picklist = f.picklistValues == null ? List.of() : Arrays.asList(f.picklistValues.split("\n"));
        return new FieldDefinition(f.name, f.label, type, f.length, f.precision, f.scale, f.required, f.uniqueValue,
                f.externalId, f.idLookup, f.custom, false, picklist, f.restrictedPicklist, f.referenceTo,
                f.relationshipName, f.childRelationshipName, f.cascadeDelete);
    }

    void deleteRecordsOf(Session session, String objectName) {
        // Index rows go with their records (ON DELETE CASCADE).
        session.createMutationQuery("delete from RecordKeyEntity k where k.objectName = :o")
                .setParameter("o", objectName).executeUpdate();
        session.createMutationQuery("delete from RecordEntity r where r.objectName = :o")
                .setParameter("o", objectName).executeUpdate();
    }

    /** Removes a field's values and index rows, so that a field made later under the same name starts empty. */
    void removeValues(Session session, String objectName, String fieldName) {
        session.createMutationQuery("delete from RecordKeyEntity k where k.objectName = :o and k.fieldName = :f")
                .setParameter("o", objectName).setParameter("f", fieldName).executeUpdate();
        String quoted = "\"" + fieldName + "\"";
        long after = 0;
        while (true) {
            List<RecordEntity> chunk = session.createSelectionQuery("from RecordEntity r where r.objectName = :o "
                    + "and r.id > :after order by r.id", RecordEntity.class).setParameter("o", objectName)
                    .setParameter("after", after).setMaxResults(CHUNK).getResultList();
            if (chunk.isEmpty()) {
                return;
            }
            for (RecordEntity record : chunk) {
                if (record.data.contains(quoted)) {
                    record.data = RecordJsonColumn.without(record.data, fieldName);
                }
                after = record.id;
            }
            session.flush();
            session.clear();
        }
    }
}
