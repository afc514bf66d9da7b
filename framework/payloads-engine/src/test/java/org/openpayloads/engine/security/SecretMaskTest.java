package org.openpayloads.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void showsAtMostTheLastFourCharactersOfALongSecret() {
        assertThat(SecretMask.mask("sk_test_4eC39HqLyjWDarjtT1zdp7dc")).isEqualTo("********p7dc");
    }

    @Test
    void showsNothingOfAShortSecret() {
        assertThat(SecretMask.mask("hunter2")).isEqualTo("********");
        assertThat(SecretMask.mask("")).isEqualTo("********");
    }

    @Test
    void recognizesItsOwnMasks() {
        assertThat(SecretMask.isMask(SecretMask.mask("sk_test_4eC39HqLyjWDarjtT1zdp7dc"))).isTrue();
        assertThat(SecretMask.isMask("sk_test_x")).isFalse();
    }
}
