package org.openpayloads.engine.model;

/** How an inbound payload checks who is calling. */
public enum AuthType {
    NONE,
    BASIC,
    /** A key in a named header. */
    API_KEY,
    BEARER,
    /** A generic HMAC signature over a signed-content template. */
    HMAC,
    /** Stripe's {@code Stripe-Signature} header: several v1 signatures, several active secrets. */
    STRIPE_SIGNATURE
}
