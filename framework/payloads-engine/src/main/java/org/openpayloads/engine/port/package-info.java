/**
 * The ports the engine needs from storage. The store module implements them with Hibernate, and the job
 * queue ({@link org.openpayloads.engine.port.JobQueue}) with plain JDBC; the web module never sees an entity,
 * only these records.
 *
 * <p>Each method runs in a transaction of its own. A duplicate API name throws
 * {@link org.openpayloads.api.ConflictException}; a missing parent throws
 * {@link org.openpayloads.api.NotFoundException}.
 */
@NullMarked
package org.openpayloads.engine.port;

import org.jspecify.annotations.NullMarked;
