package org.openpayloads.engine.mapping;

import java.time.ZoneId;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.engine.coerce.CoercionContext;

/**
 * A mapping's target field as the org describes it, and how its values are coerced, worked out once per describe
 * instead of once per record. A client keeps its describes, so the same one comes back job after job.
 * Thread-safe: a race only works the same binding out twice.
 */
final class FieldBinding {

    /** What was worked out, for which describe and zone. */
    record Bound(ObjectDescription description, ZoneId zone, FieldDescription field, CoercionContext context) {
    }

    private volatile @Nullable Bound bound;

    /** The binding for {@code description}, made with {@code make} when it is not the one kept. */
    Bound get(ObjectDescription description, ZoneId zone, Supplier<Bound> make) {
        Bound current = bound;
        if (current != null && current.description() == description && current.zone().equals(zone)) {
            return current;
        }
        Bound fresh = make.get();
        bound = fresh;
        return fresh;
    }
}
