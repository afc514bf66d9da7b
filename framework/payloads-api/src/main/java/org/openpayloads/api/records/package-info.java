/**
 * Records in a target system, as the mapping engine reads and writes them.
 *
 * <p>Entry point: {@link org.openpayloads.api.records.RecordClient}, opened by a
 * {@link org.openpayloads.api.connector.RecordConnector}. A write is a
 * {@link org.openpayloads.api.records.RecordWrite}, checked when it is made; its outcome is a
 * {@link org.openpayloads.api.records.RecordResult}. A record the target refuses is a failed result,
 * never an exception; exceptions are kept for what retrying or reconfiguring can fix.
 */
@NullMarked
package org.openpayloads.api.records;

import org.jspecify.annotations.NullMarked;
