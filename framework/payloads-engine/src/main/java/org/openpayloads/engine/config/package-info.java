/**
 * Validation of the integration model and the facade the admin API calls.
 *
 * <p>Entry points: {@link org.openpayloads.engine.config.ConfigurationService}, which validates each
 * change with {@link org.openpayloads.engine.config.ConfigValidator} (every error, per field) before it
 * reaches a repository; {@link org.openpayloads.engine.config.CredentialTypes}, the attributes each
 * credential type declares; and {@link org.openpayloads.engine.config.ElementPaths}, which compiles
 * element paths once.
 */
@NullMarked
package org.openpayloads.engine.config;

import org.jspecify.annotations.NullMarked;
