/**
 * Admin API tokens and secret masking.
 *
 * <p>Entry points: {@link org.openpayloads.engine.security.AdminTokenService}, which issues, checks
 * and revokes bearer tokens (storing only their SHA-256 hash), and
 * {@link org.openpayloads.engine.security.SecretMask}, the one rule for showing a secret.
 */
@NullMarked
package org.openpayloads.engine.security;

import org.jspecify.annotations.NullMarked;
