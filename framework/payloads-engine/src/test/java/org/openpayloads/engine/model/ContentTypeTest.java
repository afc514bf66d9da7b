package org.openpayloads.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json|JSON",
            "application/json; charset=utf-8|JSON",
            "Application/JSON|JSON",
            "application/vnd.api+json|JSON",
            "application/x-www-form-urlencoded; charset=ISO-8859-1|FORM_URL_ENCODED",
            "text/xml|XML",
            "application/soap+xml|XML",
            "text/plain;charset=utf-8|TEXT"})
    void readsTheHeader(String header, ContentType expected) {
        assertThat(ContentType.ofHeader(header)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"text/html", "multipart/form-data", "''"})
    void refusesOthers(String header) {
        assertThat(ContentType.ofHeader(header)).isEmpty();
    }
}
