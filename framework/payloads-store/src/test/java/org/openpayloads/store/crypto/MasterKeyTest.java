package org.openpayloads.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpayloads.api.ConfigException;

class MasterKeyTest {

    private static final byte[] BYTES = new byte[32];

    static {
        for (int i = 0; i < BYTES.length; i++) {
            BYTES[i] = (byte) i;
        }
    }

    @TempDir
    Path directory;

    @Test
    void derivesTheSameSecretPerPurposeFromTheSameKey() {
        MasterKey key = MasterKey.of(BYTES.clone());
        byte[] otherBytes = BYTES.clone();
        otherBytes[0] = 7;
        assertThat(key.derive("embedded-org")).isEqualTo(MasterKey.of(BYTES.clone()).derive("embedded-org"))
                .hasSize(43).doesNotContain("=");
        assertThat(key.derive("embedded-org")).isNotEqualTo(key.derive("other"))
                .isNotEqualTo(MasterKey.of(otherBytes).derive("embedded-org"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> key.derive(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnvironmentValueMayBeBase64OrHexAndWinsOverTheFile() {
        String base64 = Base64.getEncoder().encodeToString(BYTES);
        String hex = HexFormat.of().formatHex(BYTES);
        Path keyFile = directory.resolve("master.key");

        MasterKey fromBase64 = MasterKey.load(base64, keyFile);
        MasterKey fromHex = MasterKey.load(" " + hex.toUpperCase() + "\n", keyFile);

        assertThat(fromBase64.id()).isEqualTo(fromHex.id()).isEqualTo(MasterKey.of(BYTES).id());
        assertThat(fromBase64.source()).isEqualTo("the environment variable PAYLOADS_MASTER_KEY");
        assertThat(Files.exists(keyFile)).isFalse();
    }

    @Test
    void theIdIsTheStartOfTheKeysSha256() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BYTES)).substring(0, 8);

        assertThat(MasterKey.of(BYTES).id()).isEqualTo(expected).hasSize(8);
    }

    @Test
    void aMalformedEnvironmentValueIsRefusedWithoutEchoingIt() {
        String notBase64 = "this is not a key!";
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.load(notBase64, directory.resolve("k")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected 32 bytes as base64")
                .hasMessageNotContaining(notBase64)
                .satisfies(e -> assertThat(((ConfigException) e).errors().get(0).field())
                        .isEqualTo("PAYLOADS_MASTER_KEY"));
        assertThatThrownBy(() -> MasterKey.load(tooShort, directory.resolve("k")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("(16 bytes)")
                .hasMessageContaining("expected 32 bytes as base64")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void withoutAnEnvironmentValueAKeyFileIsMadeOnceWithOwnerOnlyPermissions() throws Exception {
        Path keyFile = directory.resolve("nested/dirs/master.key");

        MasterKey created = MasterKey.load(null, keyFile);
        MasterKey loaded = MasterKey.load("", keyFile);

        assertThat(loaded.id()).isEqualTo(created.id());
        assertThat(loaded.source()).isEqualTo("the key file " + keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        byte[] decoded = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
        assertThat(decoded).hasSize(32);
        assertThat(MasterKey.of(decoded).id()).isEqualTo(created.id());
        assertThat(MasterKey.load(null, directory.resolve("other.key")).id()).isNotEqualTo(created.id());
    }

    @Test
    void aKeyFileWithoutAValidKeyIsRefused() throws Exception {
        Path keyFile = directory.resolve("bad.key");
        Files.writeString(keyFile, "c2hvcnQ=");

        assertThatThrownBy(() -> MasterKey.load(null, keyFile))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the key file " + keyFile + " does not hold a valid key")
                .hasMessageContaining("expected 32 bytes as base64");
    }

    @Test
    void ofRefusesAWrongLengthAndToStringShowsOnlyTheId() {
        assertThatThrownBy(() -> MasterKey.of(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A master key has 32 bytes; this one has 31");
        MasterKey key = MasterKey.of(BYTES);
        assertThat(key.toString()).isEqualTo("MasterKey[id=" + key.id() + ", from given bytes]");
    }
}
