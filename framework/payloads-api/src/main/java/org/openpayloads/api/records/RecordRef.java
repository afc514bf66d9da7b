package org.openpayloads.api.records;

import java.util.List;

/**
 * In a group of writes sent with {@link RecordClient#writeAtomically}, a field value that stands for the id of an
 * earlier write of the same group, such as the Account a Contact's {@code AccountId} points to.
 *
 * @param write the earlier write's position in the group, from 0
 */
public record RecordRef(int write) {

    public RecordRef {
        if (write < 0) {
            throw new IllegalArgumentException("write was " + write + "; expected the position of an earlier write, "
                    + "0 or more");
        }
    }

    /**
     * Checks a group for {@link RecordClient#writeAtomically}: not empty, at most {@code maxWrites} writes, and
     * every reference to an earlier write.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public static void checkGroup(List<RecordWrite> writes, int maxWrites) {
        if (writes.isEmpty() || writes.size() > maxWrites) {
            throw new IllegalArgumentException("an atomic group had " + writes.size() + " writes; expected 1 to "
                    + maxWrites);
        }
        for (int i = 0; i < writes.size(); i++) {
            for (var field : writes.get(i).fields().entrySet()) {
                if (field.getValue() instanceof RecordRef ref && ref.write() >= i) {
                    throw new IllegalArgumentException("field " + field.getKey() + " of write " + i + " refers to write "
                            + ref.write() + "; expected an earlier write of the group");
                }
            }
        }
    }
}
