package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void joinsSegmentsWithDots() {
        assertThat(new FieldPath(List.of("Account", "Owner", "Name"), 0).text()).isEqualTo("Account.Owner.Name");
        assertThat(new FieldPath(List.of("Id"), 0).text()).isEqualTo("Id");
    }

    @Test
    void copiesItsSegments() {
        List<String> segments = new ArrayList<>(List.of("Name"));
        FieldPath path = new FieldPath(segments, 0);

        segments.add("Other");

        assertThat(path.segments()).containsExactly("Name");
    }

    @Test
    void needsASegment() {
        assertThatThrownBy(() -> new FieldPath(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A field path needs at least one segment");
    }
}
