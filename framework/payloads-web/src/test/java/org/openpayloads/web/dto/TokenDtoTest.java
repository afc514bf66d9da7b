package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenDtoTest {

    @Test
    void toStringHidesTheTokenValue() {
        TokenDto dto = new TokenDto(1, "ci", "opl_abcd", Instant.EPOCH, null, null, null, true, "opl_abcdefghijkl");

        assertThat(dto.toString()).contains("ci").doesNotContain("opl_abcdefghijkl");
    }
}
