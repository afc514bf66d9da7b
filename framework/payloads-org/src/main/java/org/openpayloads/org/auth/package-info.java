/**
 * Who may call the org: {@link org.openpayloads.org.auth.ConnectedApps} (OAuth clients),
 * {@link org.openpayloads.org.auth.Users} (User records with passwords) and
 * {@link org.openpayloads.org.auth.Sessions} (tokens, stored hashed).
 */
@NullMarked
package org.openpayloads.org.auth;

import org.jspecify.annotations.NullMarked;
