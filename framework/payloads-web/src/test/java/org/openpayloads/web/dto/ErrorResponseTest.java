package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.web.json.ApiJson;

class ErrorResponseTest {

    @Test
    void isTheOneErrorBodyWithFieldsAlwaysPresent() throws Exception {
        var mapper = new ApiJson().mapper();

        assertThat(mapper.writeValueAsString(ErrorResponse.of("NOT_FOUND", "No integration 'x' exists", List.of())))
                .isEqualTo("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No integration 'x' exists\",\"fields\":[]}}");
        assertThat(mapper.writeValueAsString(ErrorResponse.of("VALIDATION_FAILED", "apiName: is required",
                List.of(new FieldError("apiName", "is required")))))
                .isEqualTo("{\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":\"apiName: is required\","
                        + "\"fields\":[{\"field\":\"apiName\",\"message\":\"is required\"}]}}");
    }
}
