package org.openpayloads.engine.model;

/**
 * Before a payload's targets run, replaces an id in the body with the resource it names, read through a
 * credential's connector: Stripe's {@code expand}, done by the engine. A value that is already an object (the
 * sender expanded it) is kept as it is, and a missing or null one is left alone.
 *
 * @param path the element path of the id, such as {@code $.data.object.customer}
 * @param credential the API name of the credential whose connector reads the resource
 * @param resource the resource's path, with one placeholder for the id, such as {@code /v1/customers/{id}}
 * @param optional when the credential cannot make the call (it is not configured for it) or the API refuses it
 *     (a missing resource, a refused key), keep the id and let the targets go on, instead of failing the job. An
 *     API that is unavailable still has the job retried.
 */
public record Expansion(String path, String credential, String resource, boolean optional) {

    /** A required expansion. */
    public Expansion(String path, String credential, String resource) {
        this(path, credential, resource, false);
    }
}
