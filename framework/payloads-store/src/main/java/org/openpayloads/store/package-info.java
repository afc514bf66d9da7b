/**
 * The store: the engine's storage ports on Hibernate ORM, Flyway and HikariCP, over HSQLDB (embedded,
 * the default) or PostgreSQL.
 *
 * <p>Entry points: {@link org.openpayloads.store.Store#open(org.openpayloads.store.StoreSettings)} and
 * {@link org.openpayloads.store.StoreSettings}. Everything else here is internal: one repository class
 * per port, each call in a transaction of its own (see {@code Transactions}), except the job queue, which
 * is plain JDBC ({@code JdbcJobQueue}: intake with group commit on PostgreSQL, claims with
 * {@code FOR UPDATE SKIP LOCKED}); the schema comes from the Flyway migrations in {@code db/migration},
 * which Hibernate validates at startup.
 */
@NullMarked
package org.openpayloads.store;

import org.jspecify.annotations.NullMarked;
