package org.openpayloads.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.web.dto.IntegrationDto;
import org.openpayloads.web.dto.PayloadDto;
import org.openpayloads.web.json.ApiJson;
import org.slf4j.LoggerFactory;

/** The whole status table: every kind of failure, and the JSON body it answers with. */
class ErrorMapperTest {

    private final ObjectMapper mapper = new ApiJson().mapper();
    private final ErrorMapper errors = new ErrorMapper();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapper.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void configExceptionIs422WithEveryFieldError() throws Exception {
        Response response = errors.toResponse(new ConfigException(List.of(
                new FieldError("apiName", "is required"), new FieldError("targets[0].object", "is required"))));

        assertError(response, 422, "VALIDATION_FAILED", "2 fields are invalid: apiName, targets[0].object");
        assertThat(body(response).at("/error/fields")).isEqualTo(mapper.readTree("""
                [{"field":"apiName","message":"is required"},{"field":"targets[0].object","message":"is required"}]"""));
    }

    @Test
    void mappingExceptionIs422() throws Exception {
        assertError(errors.toResponse(new MappingException("Invalid value 'x' for target field 'Amount'")), 422,
                "VALIDATION_FAILED", "Invalid value 'x' for target field 'Amount'");
    }

    @Test
    void conflictIs409NamingItsField() throws Exception {
        Response response = errors.toResponse(new ConflictException("apiName", "An integration 'stripe' already exists"));

        assertError(response, 409, "CONFLICT", "An integration 'stripe' already exists");
        assertThat(body(response).at("/error/fields/0/field").asText()).isEqualTo("apiName");
    }

    @Test
    void notFoundIs404() throws Exception {
        assertError(errors.toResponse(NotFoundException.of("payload", "stripe/charge")), 404, "NOT_FOUND",
                "No payload 'stripe/charge' exists");
    }

    @Test
    void retriableIs503WithRetryAfterAndNoDetail() throws Exception {
        Response response = errors.toResponse(new RetriableException("lock timeout on table JOB", Duration.ofSeconds(30)));

        assertError(response, 503, "SERVICE_UNAVAILABLE", "A temporary failure occurred; retry later");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() throws Exception {
        Response response = errors.toResponse(readFailure("{\n  \"apiName\": \"a\",\n  }", IntegrationDto.class));

        assertError(response, 400, "MALFORMED_JSON", "Malformed JSON at line 3, column 3: Unexpected character "
                + "('}' (code 125)): was expecting double-quote to start field name");
        assertThat(body(response).at("/error/fields").size()).isZero();
    }

    @Test
    void truncatedBodyIs400MalformedJson() throws Exception {
        Response response = errors.toResponse(readFailure("{\"apiName\":\"a\"", IntegrationDto.class));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(body(response).at("/error/message").asText())
                .isEqualTo("Malformed JSON at line 1, column 15: Unexpected end-of-input: expected close marker for "
                        + "Object");
    }

    @Test
    void trailingTokensAre400MalformedJson() throws Exception {
        assertError(errors.toResponse(readFailure("{\"apiName\":\"a\"}{}", IntegrationDto.class)), 400,
                "MALFORMED_JSON", "Malformed JSON at line 1, column 16: expected one JSON value, but more follows it");
    }

    @Test
    void aBadEscapeInsideAStringIs400MalformedJson() throws Exception {
        Response response = errors.toResponse(readFailure("{\"label\":\"\\u12\"}", IntegrationDto.class));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(body(response).at("/error/message").asText()).contains("hex-digit");
    }

    @Test
    void anUnrecognizedTokenIsNotEchoedBecauseItMayBeASecret() throws Exception {
        Response response = errors.toResponse(readFailure("{\"secrets\":{\"key\": sk_live_123}}", IntegrationDto.class));

        assertThat(body(response).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(body(response).toString()).doesNotContain("sk_live");
    }

    @Test
    void unknownPropertyIs400WithItsPathAndTheAllowedNames() throws Exception {
        Response response = errors.toResponse(readFailure("""
                {"apiName":"charge","targets":[{"apiName":"account","objekt":"Account"}]}""", PayloadDto.class));

        assertError(response, 400, "BAD_REQUEST", "Unknown property 'objekt' at 'targets[0].objekt'; expected one of "
                + "apiName, condition, externalIdField, label, mappings, matchFields, object, onTooLong, operation, "
                + "order, repeatPath, whenPresent");
        assertThat(body(response).at("/error/fields/0/field").asText()).isEqualTo("targets[0].objekt");
        assertThat(body(response).at("/error/fields/0/message").asText()).startsWith("is not a known property; "
                + "expected one of apiName, condition,");
    }

    @Test
    void stringForABooleanIs400WithFieldAndExpectedType() throws Exception {
        Response response = errors.toResponse(readFailure("{\"active\":\"yes\"}", IntegrationDto.class));

        assertError(response, 400, "BAD_REQUEST", "Invalid value for 'active': expected a boolean (true or false), "
                + "got a string");
        assertThat(body(response).at("/error/fields/0/field").asText()).isEqualTo("active");
    }

    @Test
    void numberForAStringIs400() throws Exception {
        Response response = errors.toResponse(readFailure("{\"targets\":[{\"object\":42}]}", PayloadDto.class));

        assertError(response, 400, "BAD_REQUEST", "Invalid value for 'targets[0].object': expected a string, got an "
                + "integer");
    }

    @Test
    void objectForAListIs400() throws Exception {
        Response response = errors.toResponse(readFailure("{\"targets\":{\"apiName\":\"a\"}}", PayloadDto.class));

        assertError(response, 400, "BAD_REQUEST", "Invalid value for 'targets': expected an array, got an object");
    }

    @Test
    void arrayForTheWholeBodyIs400() throws Exception {
        Response response = errors.toResponse(readFailure("[]", IntegrationDto.class));

        assertError(response, 400, "BAD_REQUEST", "The request body: expected an object, got an array");
        assertThat(body(response).at("/error/fields/0/field").asText()).isEmpty();
    }

    @Test
    void numberOutOfRangeIs400WithItsField() throws Exception {
        Response response = errors.toResponse(readFailure("{\"targets\":[{\"order\":99999999999}]}", PayloadDto.class));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).at("/error/fields/0/field").asText()).isEqualTo("targets[0].order");
    }

    @Test
    void emptyBodyIs400AskingForOne() throws Exception {
        assertError(errors.toResponse(readFailure("", IntegrationDto.class)), 400, "BAD_REQUEST",
                ApiException.BODY_REQUIRED);
        assertError(errors.toResponse(new NoContentException("empty")), 400, "BAD_REQUEST", ApiException.BODY_REQUIRED);
        assertError(errors.toResponse(ApiException.bodyRequired()), 400, "BAD_REQUEST", ApiException.BODY_REQUIRED);
    }

    @Test
    void jacksonExceptionsAreFoundInsideJerseyWrappers() throws Exception {
        Throwable parse = readFailure("{", IntegrationDto.class);

        Response response = errors.toResponse(new ProcessingException("reading failed", parse));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void bodyLimitInsideAJacksonExceptionIs413() throws Exception {
        JsonMappingException wrapped = JsonMappingException.from((JsonGenerator) null, "wrapped",
                ApiException.payloadTooLarge(1024));

        assertError(errors.toResponse(wrapped), 413, "PAYLOAD_TOO_LARGE", "The request body is over the limit of 1024 "
                + "bytes");
    }

    @Test
    void unauthorizedIs401WithABearerChallenge() throws Exception {
        Response response = errors.toResponse(ApiException.unauthorized("The bearer token is not valid"));

        assertError(response, 401, "UNAUTHORIZED", "The bearer token is not valid");
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"openpayloads\"");
    }

    @Test
    void badRequestCarriesItsFields() throws Exception {
        Response response = errors.toResponse(ApiException.badRequest("Invalid query parameters: size",
                List.of(new FieldError("size", "is 0; expected an integer from 1 to 500"))));

        assertError(response, 400, "BAD_REQUEST", "Invalid query parameters: size");
        assertThat(body(response).at("/error/fields/0/message").asText()).isEqualTo("is 0; expected an integer from 1 "
                + "to 500");
    }

    @Test
    void webApplicationExceptionsKeepTheirStatusInTheSameJsonForm() throws Exception {
        assertError(errors.toResponse(new jakarta.ws.rs.NotFoundException()), 404, "NOT_FOUND", "No resource at this path");
        assertError(errors.toResponse(new NotSupportedException()), 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type (none) "
                + "is not supported here; expected application/json (or application/merge-patch+json for PATCH)");
        assertError(errors.toResponse(new NotAcceptableException()), 406, "NOT_ACCEPTABLE", "Cannot answer in any "
                + "media type the Accept header allows; expected it to allow application/json");
        assertError(errors.toResponse(new WebApplicationException(413)), 413, "PAYLOAD_TOO_LARGE",
                "The request was rejected: 413 Request Entity Too Large");
        assertError(errors.toResponse(new WebApplicationException(410)), 410, "BAD_REQUEST",
                "The request was rejected: 410 Gone");
    }

    @Test
    void methodNotAllowedIs405WithTheAllowHeader() throws Exception {
        Response response = errors.toResponse(new NotAllowedException("POST", new String[] {"GET"}));

        assertError(response, 405, "METHOD_NOT_ALLOWED", "Method this method is not allowed on this path; expected one "
                + "of GET, POST");
        assertThat(response.getHeaderString("Allow")).contains("GET").contains("POST");
    }

    @Test
    void serviceUnavailableKeepsRetryAfter() throws Exception {
        Response response = errors.toResponse(new ServiceUnavailableException(10L));

        assertError(response, 503, "SERVICE_UNAVAILABLE", "The service is unavailable; retry later");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
    }

    @Test
    void unexpectedErrorsAre500WithAGenericMessageAndAreLoggedWithTheirStackTrace() throws Exception {
        Response response = errors.toResponse(new IllegalStateException("connection to jdbc:postgresql://db failed"));

        assertThat(response.getStatus()).isEqualTo(500);
        JsonNode body = body(response);
        assertThat(body.at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(body.at("/error/message").asText()).startsWith("An unexpected error occurred; it was logged with "
                + "error id ").doesNotContain("jdbc");
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).contains("jdbc");
            String message = body.at("/error/message").asText();
            assertThat(event.getFormattedMessage()).contains(message.substring(message.lastIndexOf(' ') + 1));
        });
    }

    @Test
    void aJacksonFailureThatIsNotTheClientsFaultIs500() throws Exception {
        InvalidDefinitionException definition = InvalidDefinitionException.from((JsonGenerator) null,
                "no serializer", mapper.constructType(Object.class));

        assertThat(errors.toResponse(definition).getStatus()).isEqualTo(500);
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
    }

    @Test
    void clientErrorsAreNotLoggedAsErrors() {
        errors.toResponse(NotFoundException.of("integration", "x"));
        errors.toResponse(new ConfigException("apiName", "is required"));

        assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void everyAnswerIsJson() {
        assertThat(errors.toResponse(new RuntimeException()).getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(errors.toResponse(new NotSupportedException()).getMediaType())
                .isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    }

    private Throwable readFailure(String json, Class<?> type) {
        Throwable thrown = catchThrowable(() -> mapper.readValue(json, type));
        assertThat(thrown).as("reading %s", json).isNotNull();
        return thrown;
    }

    private JsonNode body(Response response) {
        return mapper.valueToTree(response.getEntity());
    }

    private void assertError(Response response, int status, String code, String message) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        JsonNode body = body(response);
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).isEqualTo(message);
        assertThat(body.at("/error/fields").isArray()).isTrue();
    }
}
