package org.openpayloads.engine.mapping;

/**
 * In a preview, a value that only a write would make, such as the id of the Account an earlier target would
 * insert; it shows as {@code {account.id}}, like a composite request's reference.
 */
record Pending(String target, String field) {

    @Override
    public String toString() {
        return "{" + target + "." + field + "}";
    }
}
