/**
 * The JPA entities of the store and the Envers revision that records who changed what.
 *
 * <p>Entities are internal: repositories turn them into the engine's records at once, and nothing
 * outside the store sees one. Each entity turns itself into its record ({@code toRecord}) and takes a
 * record's values ({@code apply}), so that fields stay private and lazy proxies stay safe.
 * {@link org.openpayloads.store.entity.AuditActor} carries the actor of the current write to
 * {@link org.openpayloads.store.entity.ActorRevisionListener}. The tables come from the Flyway
 * migrations; Hibernate only validates them.
 */
@NullMarked
package org.openpayloads.store.entity;

import org.jspecify.annotations.NullMarked;
