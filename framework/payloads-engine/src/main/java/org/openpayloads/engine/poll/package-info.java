/**
 * Polling: POLLING payloads find new items through their connector's trigger, from a watermark stored in the
 * database, and each item becomes a job of the normal pipeline. One process at a time polls an integration,
 * under a lease in the database.
 *
 * <p>Entry point: {@link org.openpayloads.engine.poll.Pollers}.
 */
@NullMarked
package org.openpayloads.engine.poll;

import org.jspecify.annotations.NullMarked;
