package org.openpayloads.store.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {

    private final JsonColumns.StringList list = new JsonColumns.StringList();
    private final JsonColumns.StringMap map = new JsonColumns.StringMap();

    @Test
    void listsRoundTripInOrder() {
        List<String> paths = List.of("$.b", "$.a", "Authorization");

        assertThat(list.convertToDatabaseColumn(paths)).isEqualTo("[\"$.b\",\"$.a\",\"Authorization\"]");
        assertThat(list.convertToEntityAttribute(list.convertToDatabaseColumn(paths))).isEqualTo(paths);
    }

    @Test
    void mapsRoundTripWithSortedKeys() {
        Map<String, String> values = Map.of("us", "Americas", "eu", "Europe");

        assertThat(map.convertToDatabaseColumn(values)).isEqualTo("{\"eu\":\"Europe\",\"us\":\"Americas\"}");
        assertThat(map.convertToEntityAttribute(map.convertToDatabaseColumn(values))).isEqualTo(values);
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertThat(list.convertToDatabaseColumn(null)).isEqualTo("[]");
        assertThat(map.convertToDatabaseColumn(null)).isEqualTo("{}");
        assertThat(list.convertToEntityAttribute(null)).isEmpty();
        assertThat(map.convertToEntityAttribute(" ")).isEmpty();
    }

    @Test
    void textThatIsNotTheExpectedJsonFailsClearly() {
        assertThatThrownBy(() -> list.convertToEntityAttribute("{\"a\":1}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("A stored JSON column does not hold");
    }
}
