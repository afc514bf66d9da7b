/**
 * Configuration declared as data and validated up front, after Kafka's {@code ConfigDef}.
 *
 * <p>Entry point: {@link org.openpayloads.api.config.ConfigDef}. A definition lists each option's
 * name, type ({@link org.openpayloads.api.config.ConfigDef.Type#SECRET} marks a secret), default,
 * validator, group and documentation; {@link org.openpayloads.api.config.ConfigDef#validate} collects
 * every problem per field and never stops at the first.
 */
@NullMarked
package org.openpayloads.api.config;

import org.jspecify.annotations.NullMarked;
