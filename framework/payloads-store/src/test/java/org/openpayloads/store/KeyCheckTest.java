package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.store.StoreTesting.OpenStore;
import org.openpayloads.store.crypto.MasterKey;
import org.openpayloads.store.crypto.SecretCipher;

@Tag("database")
class KeyCheckTest {

    private static OpenStore open;
    private static Transactions transactions;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        transactions = new Transactions(open.store().sessionFactory(), open.clock());
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void theFirstStartStoresACheckValueSealedByTheKey() {
        String stored = StoreTesting.rows(open.database(), "SELECT setting_value FROM store_setting WHERE name = ?",
                KeyCheck.SETTING).get(0).get(0);

        assertThat(stored).startsWith("v1:" + open.key().id() + ":");
        KeyCheck.verify(transactions, new SecretCipher(open.key()), open.key());
    }

    @Test
    void anotherKeyIsRefusedWithBothIds() {
        MasterKey other = MasterKey.random();

        assertThatThrownBy(() -> KeyCheck.verify(transactions, new SecretCipher(other), other))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PAYLOADS_MASTER_KEY: The master key " + other.id() + " (from random bytes) does not "
                        + "match the key " + open.key().id() + " that encrypted this database's secrets; set "
                        + "PAYLOADS_MASTER_KEY to the original key, or restore the original key file");
    }

    @Test
    void aDamagedCheckValueIsRefusedToo() {
        try (OpenStore damaged = OpenStore.create()) {
            StoreTesting.execute(damaged.database(), "UPDATE store_setting SET setting_value = 'garbage' "
                    + "WHERE name = ?", KeyCheck.SETTING);
            Transactions damagedTransactions = new Transactions(damaged.store().sessionFactory(), damaged.clock());

            assertThatThrownBy(() -> KeyCheck.verify(damagedTransactions, new SecretCipher(damaged.key()),
                    damaged.key()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("does not match the key unknown");
        }
    }
}
