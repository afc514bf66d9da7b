package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.RecordError;

class SalesforceErrorsTest {

    private static final UnaryOperator<String> NONE = UnaryOperator.identity();

    @Test
    void readsTheArrayTheSingleObjectAndTheOauthShapes() {
        assertThat(SalesforceErrors.of(answer(400, OrgStub.fixture("error-required_field_missing.json")), NONE))
                .containsExactly(new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")));
        assertThat(SalesforceErrors.of(answer(401, OrgStub.fixture("error-invalid_session_id-object-form.json")), NONE))
                .containsExactly(new RecordError("INVALID_SESSION_ID", "This session is not valid for use with the REST API"));
        assertThat(SalesforceErrors.of(answer(400, OrgStub.fixture("oauth-token-error-invalid_grant.json")), NONE))
                .containsExactly(new RecordError("invalid_grant", "authentication failure - Invalid Password"));
    }

    @Test
    void anUnreadableBodyBecomesAnErrorNamedForTheStatus() {
        assertThat(SalesforceErrors.of(answer(502, "<html>Bad Gateway</html>"), NONE))
                .containsExactly(new RecordError("HTTP_502", "<html>Bad Gateway</html>"));
        assertThat(SalesforceErrors.of(answer(404, ""), NONE))
                .containsExactly(new RecordError("HTTP_404", "Salesforce answered 404 with no body"));
        assertThat(SalesforceErrors.of(answer(500, "x".repeat(1000)), NONE).get(0).message()).hasSize(301);
    }

    @Test
    void readsACollectionsRecordsStatusCodes() {
        var record = Json.tree(("{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\"locked\","
                + "\"fields\":[]}]}").getBytes(StandardCharsets.UTF_8));
        List<RecordError> errors = SalesforceErrors.ofRecord(record, NONE);
        assertThat(SalesforceErrors.has(errors, SalesforceErrors.UNABLE_TO_LOCK_ROW)).isTrue();
        assertThat(SalesforceErrors.summary(errors)).isEqualTo("UNABLE_TO_LOCK_ROW: locked");
        assertThat(SalesforceErrors.ofRecord(Json.tree("{\"success\":false}".getBytes(StandardCharsets.UTF_8)), NONE))
                .extracting(RecordError::code).containsExactly("UNKNOWN");
    }

    @Test
    void everyMessageIsRedacted() {
        assertThat(SalesforceErrors.of(answer(400, "[{\"errorCode\":\"X\",\"message\":\"bad s3cret\"}]"),
                text -> text.replace("s3cret", "[hidden]"))).extracting(RecordError::message).containsExactly("bad [hidden]");
    }

    private static HttpResult answer(int status, String body) {
        return new HttpResult(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
