package org.openpayloads.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.web.dto.CredentialDto;
import org.openpayloads.web.dto.PayloadDto;
import org.openpayloads.web.json.ApiJson;

class JacksonErrorsTest {

    private final ObjectMapper mapper = new ApiJson().mapper();

    @Test
    void pathJoinsFieldsWithDotsAndIndexesWithBrackets() {
        JsonMappingException e = failure("""
                {"targets":[{"mappings":[{"field":"Name"},{"valueMap":{"a":1}}]}]}""", PayloadDto.class);

        assertThat(JacksonErrors.path(e)).isEqualTo("targets[0].mappings[1].valueMap.a");
    }

    @Test
    void mapKeysAreFieldsToo() {
        JsonMappingException e = failure("{\"secrets\":{\"apiKey\":7}}", CredentialDto.class);

        assertThat(JacksonErrors.explain(e)).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(problem.fields()).containsExactly(new FieldError("secrets.apiKey",
                    "expected a string, got an integer"));
        });
    }

    @Test
    void expectedTypesAreNamedAsJsonTypes() {
        assertThat(JacksonErrors.expectedType(String.class)).isEqualTo("a string");
        assertThat(JacksonErrors.expectedType(Boolean.class)).isEqualTo("a boolean (true or false)");
        assertThat(JacksonErrors.expectedType(int.class)).isEqualTo("an integer");
        assertThat(JacksonErrors.expectedType(Double.class)).isEqualTo("a number");
        assertThat(JacksonErrors.expectedType(List.class)).isEqualTo("an array");
        assertThat(JacksonErrors.expectedType(Map.class)).isEqualTo("an object");
        assertThat(JacksonErrors.expectedType(PayloadDto.class)).isEqualTo("an object");
        assertThat(JacksonErrors.expectedType(Instant.class)).startsWith("an ISO-8601 date-time");
        assertThat(JacksonErrors.expectedType(null)).isEqualTo("a value of another type");
    }

    @Test
    void sanitizeDropsTheSourceDescriptionAndUnrecognizedTokens() {
        assertThat(JacksonErrors.sanitize("Unexpected end-of-input: expected close marker for Object (start marker at "
                + "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])\n"
                + " at [Source: x; line: 1, column: 15]"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(JacksonErrors.sanitize("Unrecognized token 'hunter2': was expecting (JSON String, ...)"))
                .doesNotContain("hunter2").startsWith("Unrecognized token; expected a JSON value");
    }

    @Test
    void aNullJsonValueIsNamed() {
        JsonMappingException e = failure("{\"targets\":[{\"matchFields\":{}}]}", PayloadDto.class);

        assertThat(JacksonErrors.explain(e)).hasValueSatisfying(problem ->
                assertThat(problem.message()).isEqualTo("Invalid value for 'targets[0].matchFields': expected an array, "
                        + "got an object"));
    }

    private JsonMappingException failure(String json, Class<?> type) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> mapper.readValue(json, type));
        assertThat(e).isInstanceOf(JsonMappingException.class);
        return (JsonMappingException) e;
    }
}
