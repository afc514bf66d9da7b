/**
 * The org's storage: Flyway migrations ({@link org.openpayloads.org.db.OrgMigrations}), its own Hibernate
 * SessionFactory ({@link org.openpayloads.org.db.OrgHibernate}), the entities, and transactions that retry a
 * write that lost a race ({@link org.openpayloads.org.db.Transactions}). Entities are plain data holders
 * that never leave the org's service classes.
 */
@NullMarked
package org.openpayloads.org.db;

import org.jspecify.annotations.NullMarked;
