package org.openpayloads.connector.salesforce;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for the client's asynchronous plumbing. */
final class Futures {

    private Futures() {
    }

    /** The failure itself, without the wrappers that {@link CompletableFuture} adds. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Waits, and throws the failure itself rather than a wrapper. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Completes {@code target} as {@code source} completes, unwrapped. */
    static <T> void forward(CompletableFuture<? extends T> source, CompletableFuture<T> target) {
        source.whenComplete((value, failure) -> {
            if (failure != null) {
                target.completeExceptionally(unwrap(failure));
            } else {
                target.complete(value);
            }
        });
    }
}
