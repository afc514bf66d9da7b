/**
 * The Stripe connector: retrieves, lists and writes the objects of one Stripe account over the REST API.
 *
 * <p>Entry points: {@link org.openpayloads.connector.stripe.StripeConnector}, found by ServiceLoader under
 * type {@code stripe}, which validates a configuration and opens a
 * {@link org.openpayloads.connector.stripe.StripeClient}; the client encodes Stripe's bracketed forms,
 * pages through lists, and retries with idempotency keys. As an {@code ApiConnector} it offers the polling
 * triggers {@code new-charge} and {@code new-customer}
 * ({@link org.openpayloads.connector.stripe.NewObjectsTrigger}), which find the objects created since a
 * watermark, oldest first. Failures are a
 * {@link org.openpayloads.connector.stripe.StripeException} (not retried) or a
 * {@link org.openpayloads.connector.stripe.StripeRetriableException}.
 * {@link org.openpayloads.connector.stripe.StripeEnvironment} is the guard that keeps live keys out of the
 * sandbox and test keys out of production; other code may call it too.
 */
@NullMarked
package org.openpayloads.connector.stripe;

import org.jspecify.annotations.NullMarked;
