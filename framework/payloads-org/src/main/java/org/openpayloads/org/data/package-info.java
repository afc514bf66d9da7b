/**
 * Records: {@link org.openpayloads.org.data.RecordParser} reads bodies against the schema,
 * {@link org.openpayloads.org.data.WriteEngine} writes batches in one transaction with per-record results,
 * {@link org.openpayloads.org.data.DeleteEngine} deletes, and {@link org.openpayloads.org.data.RecordRepository}
 * reads.
 */
@NullMarked
package org.openpayloads.org.data;

import org.jspecify.annotations.NullMarked;
