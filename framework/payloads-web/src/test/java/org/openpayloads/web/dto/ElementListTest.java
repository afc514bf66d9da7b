package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElementListTest {

    @Test
    void readsTheItemsObjectAsGetShowsIt() {
        ElementList list = InputMapperTest.read("{\"items\":[{\"name\":\"id\",\"path\":\"$.id\"}]}", ElementList.class);

        assertThat(list.items()).extracting(ElementDto::name).containsExactly("id");
    }

    @Test
    void readsABareArrayToo() {
        ElementList list = InputMapperTest.read("[{\"name\":\"id\",\"path\":\"$.id\"},{\"name\":\"amount\","
                + "\"path\":\"$.amount\",\"dataType\":\"NUMBER\"}]", ElementList.class);

        assertThat(list.items()).extracting(ElementDto::name).containsExactly("id", "amount");
    }
}
