package org.openpayloads.org.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.db.RecordEntity;

/** The working state of one op during a write attempt. */
final class Slot {

    final WriteOp op;
    final List<SfError> errors = new ArrayList<>();
    final List<String> matches = new ArrayList<>();
    /** Resolved reference ids of foreign keys given by external id, by reference field name. */
    final Map<String, String> foreignIds = new HashMap<>();
    @Nullable RecordEntity entity;
    /** The values before the write (empty when creating) and after it. */
    Map<String, Object> before = Map.of();
    Map<String, Object> merged = new HashMap<>();
    @Nullable String ownerId;
    /** Set once stored: whether the write made the record. */
    boolean created;

    Slot(WriteOp op) {
        this.op = op;
        errors.addAll(op.input().errors());
    }

    boolean ok() {
        return errors.isEmpty();
    }

    boolean creating() {
        return entity == null || created;
    }

    void fail(SfError error) {
        errors.add(error);
    }
}
