package org.openpayloads.connector.stripe;

import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;

/**
 * Stripe refused a call, and sending it again unchanged cannot help: a bad or unknown parameter, a missing
 * object, a declined card, a refused key. A {@link MappingException}, so that a job fails at once instead
 * of retrying. What may pass on its own (429, 5xx) ends in a {@link StripeRetriableException} instead.
 *
 * <p>The message reads like {@code Stripe answered 400 invalid_request_error (resource_missing) on GET
 * /v1/customers/cus_x: No such customer: 'cus_x' (param: id)} and never contains a secret.
 */
public final class StripeException extends MappingException {

    private static final long serialVersionUID = 1L;

    private final StripeError error;

    StripeException(String method, String path, StripeError error) {
        super(error.describe(method, path));
        this.error = error;
    }

    /** Everything Stripe said. */
    public StripeError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    /** For example {@code invalid_request_error} or {@code card_error}; null when the body was not Stripe's. */
    public @Nullable String type() {
        return error.type();
    }

    /** For example {@code resource_missing}; null when Stripe gave none. */
    public @Nullable String code() {
        return error.code();
    }

    /** The parameter at fault, for example {@code id}; null when Stripe named none. */
    public @Nullable String param() {
        return error.param();
    }

    /** Stripe's own message, without the status and call that {@link #getMessage()} adds. */
    public String stripeMessage() {
        return error.message();
    }
}
