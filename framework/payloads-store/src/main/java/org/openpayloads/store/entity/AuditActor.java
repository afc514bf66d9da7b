package org.openpayloads.store.entity;

import org.jspecify.annotations.Nullable;

/**
 * The actor of the write running on this thread, for the Envers revision. Envers makes the revision
 * listener itself, so the store hands the actor over through this thread-local, set around each write
 * and cleared in {@code finally}.
 */
public final class AuditActor {

    private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

    private AuditActor() {
    }

    public static void set(String actor) {
        CURRENT.set(actor);
    }

    public static @Nullable String current() {
        return CURRENT.get();
    }

    public static void clear() {
        CURRENT.remove();
    }
}
