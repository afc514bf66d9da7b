/** The daily API request limit: {@link org.openpayloads.org.limits.ApiUsage}. */
@NullMarked
package org.openpayloads.org.limits;

import org.jspecify.annotations.NullMarked;
