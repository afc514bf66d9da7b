/**
 * The inbound load benchmark: how many signed Stripe webhooks the server takes per second, durably, and how fast
 * it then maps them into Accounts.
 *
 * <p>Entry points: {@link org.openpayloads.bench.inbound.InboundLoad}, the load tool (signed
 * {@code charge.succeeded} events from {@link org.openpayloads.bench.inbound.StripeEvents}, posted over
 * keep-alive connections by a small HTTP/1.1 client of its own); and
 * {@link org.openpayloads.bench.inbound.BaselineIntakeServer}, the hand-written intake the server's is compared
 * with. {@code bench/inbound.sh} configures a server through its admin API, runs both and prints the figures,
 * which go to docs/performance.md.
 */
@NullMarked
package org.openpayloads.bench.inbound;

import org.jspecify.annotations.NullMarked;
