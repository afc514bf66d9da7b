package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.data.SfError;

class ReplyTest {

    @Test
    void salesforceErrorsListFieldsOnlyWhenThereAreSome() {
        Reply reply = Reply.errors(400, List.of(SfError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: "
                + "[Name]", "Name"), SfError.invalidField("foo", "Bar")));
        assertThat(reply.body()).isEqualTo(OrgTesting.parse("""
                [{"message": "Required fields are missing: [Name]", "errorCode": "REQUIRED_FIELD_MISSING",
                  "fields": ["Name"]},
                 {"message": "No such column 'foo' on sobject of type Bar", "errorCode": "INVALID_FIELD"}]"""));
        assertThat(Reply.notFound().body()).isEqualTo(OrgTesting.parse(OrgTesting.fixture(
                "error-describe-not_found.json")));
        assertThat(Reply.methodNotAllowed("PUT", "GET,POST").headers()).containsEntry("Allow", "GET,POST");
        assertThat(Reply.noContent().body()).isNull();
    }

    @Test
    void adminErrorsHaveTheAdminApiForm() {
        Reply reply = Reply.admin(422, "VALIDATION_FAILED", "name is required", Map.of("name", "name is required"));
        assertThat(reply.body()).isEqualTo(OrgTesting.parse("""
                {"error": {"code": "VALIDATION_FAILED", "message": "name is required",
                           "fields": [{"field": "name", "message": "name is required"}]}}"""));
        assertThat(reply.withHeader("X", "1").headers()).containsEntry("X", "1");
    }
}
