package org.openpayloads.engine.mapping;

/**
 * In a preview, the id of a record that only a write of this job would make, such as the Account an earlier
 * target inserts. It shows as {@code {account.id}} (or {@code {lines[2].id}} for an item of a repeated target),
 * like a reference in a composite request.
 *
 * @param write the position of the write that makes the record, among the writes the preview planned
 */
record Pending(String target, int index, boolean repeated, int write) {

    @Override
    public String toString() {
        return "{" + target + (repeated ? "[" + index + "]" : "") + ".id}";
    }
}
