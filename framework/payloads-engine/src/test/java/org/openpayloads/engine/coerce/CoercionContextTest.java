package org.openpayloads.engine.coerce;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.TooLong;

class CoercionContextTest {

    @Test
    void needsAnObject() {
        assertThatThrownBy(() -> new CoercionContext(" ", "$.id", TooLong.FAIL, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a coercion context needs the target object's name");
    }

    @Test
    void refusesABlankElementPath() {
        assertThatThrownBy(() -> new CoercionContext("Account", "", TooLong.FAIL, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("element path was blank; expected a path such as $.id, or null");
    }

    @Test
    void needsAZone() {
        assertThatThrownBy(() -> new CoercionContext("Account", null, TooLong.FAIL, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("zone");
    }
}
