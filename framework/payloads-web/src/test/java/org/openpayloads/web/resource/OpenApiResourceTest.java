package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiResourceTest {

    @Test
    void servesTheDocumentAsItIs() {
        OpenApiDocument document = OpenApiDocument.load();

        assertThat(new OpenApiResource(document).get()).isEqualTo(document.json());
    }

    @Test
    void theDocumentCannotBeChangedThroughWhatItGives() {
        OpenApiDocument document = OpenApiDocument.load();
        document.json()[0] = 'x';

        assertThat(document.json()[0]).isEqualTo((byte) '{');
    }
}
