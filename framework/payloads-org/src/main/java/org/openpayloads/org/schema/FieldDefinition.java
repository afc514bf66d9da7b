package org.openpayloads.org.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of an object, as describe shows it.
 *
 * @param system       kept by the org itself (Id, CreatedDate, ...): readable, never written by a client
 * @param unique       no two records may share a value (compared without case for text)
 * @param externalId   usable as an upsert key; the org indexes it uniquely so that concurrent upserts of
 *                     one value can never make two records
 * @param idLookup     usable as an upsert key without being unique, such as Contact.Email
 * @param referenceTo  the parent object of a reference field
 * @param relationshipName the name of the parent in queries and bodies, such as {@code Account} or
 *                     {@code Invoice__r}
 * @param childRelationshipName the name of the children on the parent, such as {@code Contacts}
 * @param cascadeDelete a master-detail reference: deleting the parent deletes the child
 */
public record FieldDefinition(String name, String label, FieldType type, int length, int precision, int scale,
                              boolean required, boolean unique, boolean externalId, boolean idLookup, boolean custom,
                              boolean system, List<String> picklistValues, boolean restrictedPicklist,
                              @Nullable String referenceTo, @Nullable String relationshipName,
                              @Nullable String childRelationshipName, boolean cascadeDelete) {

    public FieldDefinition {
        picklistValues = List.copyOf(picklistValues);
        if (type == FieldType.REFERENCE && (referenceTo == null || relationshipName == null)) {
            throw new IllegalArgumentException("reference field " + name + " needs referenceTo and relationshipName");
        }
    }

    /** How the record index holds this field's values. */
    public IndexKind indexKind() {
        if (system) {
            return IndexKind.NONE;
        }
        if (unique || externalId) {
            return IndexKind.UNIQUE;
        }
        return idLookup || type == FieldType.REFERENCE ? IndexKind.SHARED : IndexKind.NONE;
    }

    /** Whether upserts may match records by this field. */
    public boolean isUpsertKey() {
        return name.equals("Id") || !system && (externalId || idLookup);
    }

    /** Whether a client may set this field. OwnerId is system-kept but may be given. */
    public boolean writable() {
        return !system || name.equals("OwnerId");
    }

    /** What the record index does with a field's values. */
    public enum IndexKind {
        /** Not indexed. */
        NONE,
        /** One record per value, guaranteed by a unique constraint. */
        UNIQUE,
        /** Indexed for lookups; many records may share a value. */
        SHARED
    }
}
