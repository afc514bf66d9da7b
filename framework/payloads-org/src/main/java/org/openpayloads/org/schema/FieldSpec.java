package org.openpayloads.org.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A custom field as an admin asks for it; null means "not given" and takes the default. {@link SchemaRules}
 * checks it and makes a {@link FieldDefinition}.
 *
 * @param masterDetail a reference whose children are deleted with their parent (and which is required)
 */
public record FieldSpec(@Nullable String name, @Nullable String label, @Nullable String type,
                        @Nullable Integer length, @Nullable Integer precision, @Nullable Integer scale,
                        @Nullable Boolean required, @Nullable Boolean unique, @Nullable Boolean externalId,
                        @Nullable List<String> picklistValues, @Nullable Boolean restrictedPicklist,
                        @Nullable String referenceTo, @Nullable String relationshipName,
                        @Nullable Boolean masterDetail) {

    /** A field of the given name and type with every other property defaulted. */
    public static FieldSpec of(String name, String type) {
        return new FieldSpec(name, null, type, null, null, null, null, null, null, null, null, null, null, null);
    }

    public FieldSpec withExternalId() {
        return new FieldSpec(name, label, type, length, precision, scale, required, unique, true, picklistValues,
                restrictedPicklist, referenceTo, relationshipName, masterDetail);
    }

    public FieldSpec withRequired() {
        return new FieldSpec(name, label, type, length, precision, scale, true, unique, externalId, picklistValues,
                restrictedPicklist, referenceTo, relationshipName, masterDetail);
    }

    public FieldSpec withUnique() {
        return new FieldSpec(name, label, type, length, precision, scale, required, true, externalId, picklistValues,
                restrictedPicklist, referenceTo, relationshipName, masterDetail);
    }

    public FieldSpec withLength(int newLength) {
        return new FieldSpec(name, label, type, newLength, precision, scale, required, unique, externalId,
                picklistValues, restrictedPicklist, referenceTo, relationshipName, masterDetail);
    }

    public FieldSpec withPicklist(List<String> values) {
        return new FieldSpec(name, label, type, length, precision, scale, required, unique, externalId, values,
                restrictedPicklist, referenceTo, relationshipName, masterDetail);
    }

    public FieldSpec withReference(String to, boolean master) {
        return new FieldSpec(name, label, type, length, precision, scale, required, unique, externalId,
                picklistValues, restrictedPicklist, to, relationshipName, master);
    }
}
