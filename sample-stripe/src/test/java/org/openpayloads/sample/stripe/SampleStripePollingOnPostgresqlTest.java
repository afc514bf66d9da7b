package org.openpayloads.sample.stripe;

import org.openpayloads.testkit.TestDatabase;

/** {@link SampleStripePollingTest} with the watermarks, leases and jobs on PostgreSQL. */
class SampleStripePollingOnPostgresqlTest extends SampleStripePollingTest {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
