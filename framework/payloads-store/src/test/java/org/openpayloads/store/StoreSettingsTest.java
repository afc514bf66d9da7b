package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openpayloads.store.crypto.MasterKey;

class StoreSettingsTest {

    private static final MasterKey KEY = MasterKey.random();

    @Test
    void theEmbeddedUrlIsDurableAndUsesMvcc() {
        assertThat(StoreSettings.hsqldbUrl(Path.of("/var/lib/payloads")))
                .isEqualTo("jdbc:hsqldb:file:/var/lib/payloads/db/payloads;hsqldb.write_delay=false;hsqldb.tx=mvcc");
    }

    @Test
    void hsqldbSettingsUseSaWithoutPassword() {
        StoreSettings settings = StoreSettings.hsqldb(Path.of("/data"), KEY);

        assertThat(settings.user()).isEqualTo("SA");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.poolSize()).isEqualTo(StoreSettings.DEFAULT_POOL_SIZE);
        assertThat(settings.database()).isEqualTo(Database.HSQLDB);
    }

    @Test
    void aMissingOrBlankUrlIsRefused() {
        assertThatThrownBy(() -> new StoreSettings(null, "u", "p", 1, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jdbcUrl is required");
        assertThatThrownBy(() -> new StoreSettings(" ", "u", "p", 1, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jdbcUrl is required");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithoutShowingAPassword() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:mysql://db/x?user=a&password=hunter2", "u", "p", 1, KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jdbcUrl 'jdbc:mysql://db/x?user=a&password=[hidden]' names an unsupported database; "
                        + "expected jdbc:hsqldb:... or jdbc:postgresql:...");
    }

    @Test
    void userAndPasswordAreRequiredButThePasswordMayBeEmpty() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:postgresql://db/x", null, "p", 1, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("user is required");
        assertThatThrownBy(() -> new StoreSettings("jdbc:postgresql://db/x", "u", null, 1, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("password is required");
        assertThat(new StoreSettings("jdbc:postgresql://db/x", "u", "", 1, KEY).password()).isEmpty();
    }

    @Test
    void thePoolSizeMustBeFromOneToTheMaximum() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:postgresql://db/x", "u", "p", 0, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("poolSize is 0; expected 1 to 200");
        assertThatThrownBy(() -> new StoreSettings("jdbc:postgresql://db/x", "u", "p", 201, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("poolSize is 201; expected 1 to 200");
        assertThat(new StoreSettings("jdbc:postgresql://db/x", "u", "p", 200, KEY).poolSize()).isEqualTo(200);
    }

    @Test
    void aMasterKeyIsRequired() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:postgresql://db/x", "u", "p", 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("masterKey is required");
    }

    @Test
    void toStringHidesThePassword() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://db/x?password=hunter2", "u", "s3cret", 5, KEY);

        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret")
                .contains("password=[hidden]").contains(KEY.id());
    }
}
