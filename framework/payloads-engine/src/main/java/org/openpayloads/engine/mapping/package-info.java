/**
 * The mapping engine: turns a parsed inbound body into record writes, as a payload's targets say.
 *
 * <p>Entry points: {@link org.openpayloads.engine.mapping.MappingCompiler#plan} compiles a payload's targets once
 * per version into an immutable {@link org.openpayloads.engine.mapping.MappingPlan} (every element path through
 * {@link org.openpayloads.engine.mapping.ElementReader#compile}, every expression and condition), or throws a
 * {@code ConfigException} naming each bad field, as {@code targets[0].mappings[1].value}.
 * {@link org.openpayloads.engine.mapping.MappingEngine#run} executes a plan over one body through a
 * {@code RecordClient}: targets in order, one record per target or per item of its repeated element, values
 * resolved, mapped and coerced to the org's describe. Without partial success the job's writes are kept all or
 * none: worked out first and sent in one transaction where the client offers one ({@code Transaction}), else
 * written one by one and undone when a record fails. {@link org.openpayloads.engine.mapping.MappingEngine#preview} does the same reads and writes
 * nothing. {@link org.openpayloads.engine.mapping.MappingService} is the facade by integration and payload name,
 * from raw bodies. Lookup answers are shared across jobs in a {@link org.openpayloads.engine.mapping.LookupCache}.
 *
 * <p>Compiler, plans, engine, service and cache are thread-safe; everything a run keeps lives in one run.
 */
@NullMarked
package org.openpayloads.engine.mapping;

import org.jspecify.annotations.NullMarked;
