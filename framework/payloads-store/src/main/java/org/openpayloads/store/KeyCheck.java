package org.openpayloads.store;

import java.util.Optional;
import org.hibernate.Session;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.ConflictException;
import org.openpayloads.store.crypto.DecryptionException;
import org.openpayloads.store.crypto.MasterKey;
import org.openpayloads.store.crypto.SecretCipher;
import org.openpayloads.store.entity.SettingEntity;

/**
 * Makes sure the master key is the one that encrypted this database's secrets. On first start it stores
 * a known value encrypted with the key; later starts must decrypt it. A wrong key then fails at startup,
 * with the way out, instead of on the first webhook that needs a secret.
 */
final class KeyCheck {

    static final String SETTING = "master_key_check";
    private static final String CHECK_VALUE = "openpayloads master key check";

    private KeyCheck() {
    }

    static void verify(Transactions transactions, SecretCipher cipher, MasterKey key) {
        Optional<String> stored = transactions.read(KeyCheck::stored);
        if (stored.isEmpty()) {
            try {
                transactions.write(null, () -> new ConflictException(SETTING, "stored meanwhile"), session -> {
                    session.persist(new SettingEntity(SETTING, cipher.encrypt(CHECK_VALUE)));
                    return null;
                });
                return;
            } catch (ConflictException e) {
                // Another process started on this database at the same moment: check against its value.
                stored = transactions.read(KeyCheck::stored);
            }
        }
        String value = stored.orElseThrow();
        boolean matches;
        try {
            matches = CHECK_VALUE.equals(cipher.decrypt(value));
        } catch (DecryptionException e) {
            matches = false;
        }
        if (!matches) {
            throw new ConfigException(MasterKey.ENVIRONMENT_VARIABLE, "The master key " + key.id() + " (from "
                    + key.source() + ") does not match the key " + SecretCipher.keyIdOf(value)
                    + " that encrypted this database's secrets; set " + MasterKey.ENVIRONMENT_VARIABLE
                    + " to the original key, or restore the original key file");
        }
    }

    private static Optional<String> stored(Session session) {
        return Optional.ofNullable(session.find(SettingEntity.class, SETTING)).map(SettingEntity::getValue);
    }
}
