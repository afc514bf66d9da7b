/**
 * Encryption of credential secrets at rest.
 *
 * <p>Entry points: {@link org.openpayloads.store.crypto.MasterKey}, the one 256-bit key, from
 * {@code PAYLOADS_MASTER_KEY} or a key file made on first run, and
 * {@link org.openpayloads.store.crypto.SecretCipher}, AES-256-GCM with a fresh IV per value. Neither ever
 * puts a key or a secret in a message or a log line.
 */
@NullMarked
package org.openpayloads.store.crypto;

import org.jspecify.annotations.NullMarked;
