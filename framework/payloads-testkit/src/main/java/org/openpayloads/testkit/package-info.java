/**
 * Test helpers shared by the modules' tests.
 *
 * <p>Entry points: {@link org.openpayloads.testkit.TestDatabase}, a fresh database per test class on
 * HSQLDB (the default) or PostgreSQL, chosen by the system property {@code payloads.test.db};
 * {@link org.openpayloads.testkit.ConnectorContractTest}, the invariants every connector keeps, which each
 * connector's test extends; {@link org.openpayloads.testkit.ConfigTable}, the docs table made from a
 * {@link org.openpayloads.api.config.ConfigDef}; and {@link org.openpayloads.testkit.Fixtures}, which
 * finds the shared fixture files.
 */
@NullMarked
package org.openpayloads.testkit;

import org.jspecify.annotations.NullMarked;
