/**
 * The tools of the Stripe demo, run with {@code ./payloads stripe}: an event sender that signs real-shaped
 * webhook events the way Stripe does. The integration itself is data, in {@code sample-stripe/bundle/}.
 */
@NullMarked
package org.openpayloads.sample.stripe;

import org.jspecify.annotations.NullMarked;
