/**
 * The integration model as typed, immutable records: what a user configures, stored as data.
 *
 * <p>An {@link org.openpayloads.engine.model.Integration} holds
 * {@link org.openpayloads.engine.model.Payload}s and {@link org.openpayloads.engine.model.Credential}s.
 * A payload has a tree of {@link org.openpayloads.engine.model.Element}s (its body's fields, as
 * paths), and either {@link org.openpayloads.engine.model.Target}s (inbound: where records go) or
 * {@link org.openpayloads.engine.model.Source}s (outbound: where records come from). A
 * {@link org.openpayloads.engine.model.Job} records one run.
 *
 * <p>Records here normalize absent collections to empty ones but do not enforce business rules; the
 * {@link org.openpayloads.engine.config.ConfigValidator} does, collecting every error per field.
 */
@NullMarked
package org.openpayloads.engine.model;

import org.jspecify.annotations.NullMarked;
