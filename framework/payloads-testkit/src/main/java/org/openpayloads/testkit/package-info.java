/**
 * Test helpers shared by the modules' tests.
 *
 * <p>Entry point: {@link org.openpayloads.testkit.TestDatabase}, a fresh database per test class on
 * HSQLDB (the default) or PostgreSQL, chosen by the system property {@code payloads.test.db}.
 */
@NullMarked
package org.openpayloads.testkit;

import org.jspecify.annotations.NullMarked;
