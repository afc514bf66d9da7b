package org.openpayloads.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectMapperResolverTest {

    @Test
    void givesTheApiMapperForEveryType() {
        ApiJson json = new ApiJson();
        ObjectMapperResolver resolver = new ObjectMapperResolver(json);

        assertThat(resolver.getContext(String.class)).isSameAs(json.mapper());
        assertThat(resolver.getContext(Object.class)).isSameAs(json.mapper());
    }
}
