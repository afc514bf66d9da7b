package org.openpayloads.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.dto.IntegrationDto;
import org.openpayloads.web.dto.PayloadDto;
import org.openpayloads.web.error.ApiException;
import org.openpayloads.web.error.ErrorCode;

class ApiJsonTest {

    private final ApiJson json = new ApiJson();
    private final ObjectMapper mapper = json.mapper();

    record Flag(boolean on) {
    }

    @Test
    void failsOnUnknownProperties() {
        assertThatThrownBy(() -> mapper.readValue("{\"apiName\":\"a\",\"colour\":1}", IntegrationDto.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void failsOnNullForAPrimitive() {
        assertThatThrownBy(() -> mapper.readValue("{\"on\":null}", Flag.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void failsOnTrailingTokens() {
        assertThatThrownBy(() -> mapper.readValue("{\"apiName\":\"a\"} {}", IntegrationDto.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void coercesNoScalar() {
        assertThatThrownBy(() -> mapper.readValue("{\"active\":\"true\"}", IntegrationDto.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"active\":1}", IntegrationDto.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"apiName\":5}", IntegrationDto.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"redactPaths\":{}}", PayloadDto.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"redactPaths\":\"$.a\"}", PayloadDto.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void failsOnMalformedJson() {
        assertThatThrownBy(() -> mapper.readValue("{\"apiName\":}", IntegrationDto.class))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void writesInstantsAsIsoStringsAndLeavesNullsOut() throws Exception {
        IntegrationDto dto = new IntegrationDto("stripe", "Stripe", null, true, null,
                Instant.parse("2026-01-31T12:00:00Z"), "ci", null, null, 3L);

        assertThat(mapper.writeValueAsString(dto)).isEqualTo(
                "{\"apiName\":\"stripe\",\"label\":\"Stripe\",\"active\":true,\"createdAt\":\"2026-01-31T12:00:00Z\","
                        + "\"createdBy\":\"ci\",\"version\":3}");
    }

    @Test
    void acceptsAndIgnoresReadOnlyPropertiesSoThatGetCanBePutBack() throws Exception {
        IntegrationDto dto = mapper.readValue("""
                {"apiName":"stripe","createdAt":"not even a date","createdBy":"someone","version":"x"}""",
                IntegrationDto.class);

        assertThat(dto.apiName()).isEqualTo("stripe");
        assertThat(dto.createdAt()).isNull();
        assertThat(dto.createdBy()).isNull();
        assertThat(dto.version()).isNull();
    }

    @Test
    void patchMergesIntoTheCurrentObjectAsGetShowsIt() throws Exception {
        IntegrationDto current = new IntegrationDto("stripe", "Stripe", "payments", true, null, null, null, null, null, 2L);

        IntegrationDto patched = json.patch(current, tree("{\"active\":false,\"description\":null}"),
                IntegrationDto.class);

        assertThat(patched).isEqualTo(new IntegrationDto("stripe", "Stripe", null, false, null, null, null, null, null,
                null));
    }

    @Test
    void patchReportsAnUnknownPropertyWithItsPath() {
        PayloadDto current = new PayloadDto("charge", "Charge", null, "INBOUND", "API_PUSH", "JSON", false, true,
                null, null, null, false, "HOLD", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);

        assertThatThrownBy(() -> json.patch(current, tree("{\"auth\":{\"kind\":\"x\"}}"), PayloadDto.class))
                .isInstanceOfSatisfying(UnrecognizedPropertyException.class,
                        e -> assertThat(e.getPath()).extracting(r -> r.getFieldName()).containsExactly("auth", "kind"));
    }

    @Test
    void patchMustBeAnObject() {
        IntegrationDto current = new IntegrationDto("stripe", "Stripe", null, true, null, null, null, null, null, null);

        assertThatThrownBy(() -> json.patch(current, tree("[1]"), IntegrationDto.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e).hasMessageContaining("must be a JSON object; got an array");
                });
    }

    private JsonNode tree(String text) throws Exception {
        return mapper.readTree(text);
    }
}
