/** Bundles: a whole integration as one JSON document, imported through the same checks as the admin API. */
@NullMarked
package org.openpayloads.web.bundle;

import org.jspecify.annotations.NullMarked;
