/**
 * Objects and fields as data. {@link org.openpayloads.org.schema.Schema} stores and changes them and hands out
 * immutable {@link org.openpayloads.org.schema.SchemaSnapshot}s; {@link org.openpayloads.org.schema.StandardObjects}
 * seeds a new org.
 */
@NullMarked
package org.openpayloads.org.schema;

import org.jspecify.annotations.NullMarked;
