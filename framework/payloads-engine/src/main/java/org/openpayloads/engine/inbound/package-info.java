/**
 * The inbound endpoint's work: {@link org.openpayloads.engine.inbound.InboundService} checks a request against its
 * payload and stores it as a job before it is answered, with the dedupe and ordering keys
 * {@link org.openpayloads.engine.inbound.JobKeys} reads.
 *
 * <p>Who may call an inbound payload: {@link org.openpayloads.engine.inbound.InboundAuthenticator} checks a request
 * ({@link org.openpayloads.engine.inbound.InboundRequest}: headers and raw body) against the payload's auth and
 * credential, and throws {@link org.openpayloads.engine.inbound.AuthenticationException} with what is wrong.
 * Stripe's signature, with several signatures and several secrets during rotation, is a preset; other
 * webhooks use the generic HMAC with a signed-content template.
 */
@NullMarked
package org.openpayloads.engine.inbound;

import org.jspecify.annotations.NullMarked;
