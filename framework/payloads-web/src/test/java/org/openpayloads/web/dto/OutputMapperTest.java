package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.engine.port.Page;
import org.openpayloads.web.json.ApiJson;

class OutputMapperTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2026-02-01T10:00:00Z");
    private static final AuditInfo AUDIT = new AuditInfo(CREATED, "ci", MODIFIED, "ops", 4);
    private final ObjectMapper mapper = new ApiJson().mapper();

    @Test
    void flattensTheAuditOfAnIntegration() throws Exception {
        String json = mapper.writeValueAsString(OutputMapper.integration(
                new Integration("stripe", "Stripe", null, true, AUDIT)));

        assertThat(json).isEqualTo("{\"apiName\":\"stripe\",\"label\":\"Stripe\",\"active\":true,"
                + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"createdBy\":\"ci\",\"modifiedAt\":\"2026-02-01T10:00:00Z\","
                + "\"modifiedBy\":\"ops\",\"version\":4}");
    }

    @Test
    void aPayloadReadBackAsItWasShownIsTheSamePayload() throws Exception {
        Payload payload = chargePayload();

        String shown = mapper.writeValueAsString(OutputMapper.payload(payload));
        Payload readBack = InputMapper.payload(mapper.readValue(shown, PayloadDto.class));

        assertThat(readBack).usingRecursiveComparison().ignoringFields("audit").isEqualTo(payload);
        assertThat(readBack.audit()).isEqualTo(AuditInfo.NEW);
    }

    @Test
    void showsEnumsByName() {
        PayloadDto dto = OutputMapper.payload(chargePayload());

        assertThat(dto.direction()).isEqualTo("INBOUND");
        assertThat(dto.kind()).isEqualTo("API_PUSH");
        assertThat(dto.contentType()).isEqualTo("JSON");
        assertThat(dto.auth().type()).isEqualTo("STRIPE_SIGNATURE");
        assertThat(dto.targets().get(0).operation()).isEqualTo("UPSERT");
        assertThat(dto.targets().get(0).mappings().get(0).sourceType()).isEqualTo("ELEMENT");
        assertThat(dto.targets()).extracting(TargetDto::onTooLong).containsExactly("TRUNCATE", "FAIL");
        assertThat(dto.version()).isEqualTo(4L);
    }

    @Test
    void showsATargetsTooLongRuleEvenWhenItIsTheDefault() throws Exception {
        JsonNode json = mapper.valueToTree(OutputMapper.payload(chargePayload()));

        assertThat(json.at("/targets/0/onTooLong").asText()).isEqualTo("TRUNCATE");
        assertThat(json.at("/targets/1/onTooLong").asText()).isEqualTo("FAIL");
    }

    @Test
    void aTargetReadBackAsItWasShownKeepsItsTooLongRule() throws Exception {
        Target target = chargePayload().targets().get(0);

        String shown = mapper.writeValueAsString(OutputMapper.target(target));
        Target readBack = InputMapper.target(mapper.readValue(shown, TargetDto.class), 0);

        assertThat(readBack).isEqualTo(target);
        assertThat(readBack.onTooLong()).isEqualTo(TooLong.TRUNCATE);
    }

    @Test
    void showsACredentialsSecretsOnlyAsTheEnginesMasks() throws Exception {
        Credential credential = new Credential("stripe", "Stripe", CredentialType.STRIPE, Map.of("account", "acct_1"),
                Map.of("apiKey", "********wxyz"), AUDIT);

        JsonNode json = mapper.valueToTree(OutputMapper.credential(credential));

        assertThat(json.get("secrets")).isEqualTo(mapper.readTree("{\"apiKey\":\"********wxyz\"}"));
        assertThat(json.get("attributes")).isEqualTo(mapper.readTree("{\"account\":\"acct_1\"}"));
        assertThat(json.get("type").asText()).isEqualTo("STRIPE");
    }

    @Test
    void aJobDetailShowsItsUtf8BodyAsText() {
        JobDto dto = OutputMapper.job(job("{\"id\":\"évt_1\"}".getBytes(StandardCharsets.UTF_8)), true);

        assertThat(dto.request().body()).isEqualTo("{\"id\":\"évt_1\"}");
        assertThat(dto.request().bodyEncoding()).isNull();
        assertThat(dto.request().headers()).containsEntry("Stripe-Request-Id", "req_1");
        assertThat(dto.source()).isEqualTo("EXTERNAL_API");
        assertThat(dto.sourceLabel()).isEqualTo("External API");
        assertThat(dto.results()).singleElement().satisfies(r -> assertThat(r.recordId()).isEqualTo("001A"));
    }

    @Test
    void aJobDetailShowsItsKeysAndEveryAttempt() throws Exception {
        // Read back from text, so that numbers compare by value whatever Java type they were written from.
        JsonNode json = mapper.readTree(mapper.writeValueAsString(OutputMapper.job(job(new byte[] {1}), true)));

        assertThat(json.get("dedupeKey").asText()).isEqualTo("evt_1");
        assertThat(json.get("orderingKey").asText()).isEqualTo("cus_1");
        assertThat(json.has("nextAttemptAt")).isFalse();
        assertThat(json.get("attempts").asInt()).isEqualTo(2);
        assertThat(json.get("history")).isEqualTo(mapper.readTree("""
                [{"number":1,"worker":"host:1:a","startedAt":"2026-01-01T10:00:00Z",
                  "finishedAt":"2026-01-01T10:00:01.500Z","durationMillis":1500,"outcome":"RETRY",
                  "error":"UNAVAILABLE"},
                 {"number":2,"worker":"host:1:a","startedAt":"2026-02-01T09:59:58Z",
                  "finishedAt":"2026-02-01T10:00:00Z","durationMillis":2000,"outcome":"COMPLETED"}]"""));
    }

    @Test
    void aJobDetailShowsABinaryBodyAsBase64() {
        JobDto dto = OutputMapper.job(job(new byte[] {(byte) 0xff, (byte) 0xfe, 0}), true);

        assertThat(dto.request().body()).isEqualTo("//4A");
        assertThat(dto.request().bodyEncoding()).isEqualTo("base64");
    }

    @Test
    void aJobListShowsNoRequest() {
        JobPage page = OutputMapper.jobs(new Page<>(List.of(job(new byte[] {1})), 2, 10, 21));

        assertThat(page.items()).singleElement().satisfies(job -> {
            assertThat(job.request()).isNull();
            assertThat(job.history()).isNull();
            assertThat(job.dedupeKey()).isEqualTo("evt_1");
        });
        assertThat(page).extracting(JobPage::page, JobPage::size, JobPage::total).containsExactly(2, 10, 21L);
    }

    @Test
    void showsATokenValueOnlyWhenGivenOne() throws Exception {
        AdminToken token = new AdminToken(7, "ci", "opl_abcd", CREATED, "admin", null, null);

        assertThat(mapper.valueToTree(OutputMapper.token(token, null)).has("token")).isFalse();
        assertThat(OutputMapper.token(token, "opl_secret").token()).isEqualTo("opl_secret");
        assertThat(OutputMapper.token(token, null).active()).isTrue();
    }

    @Test
    void aValidationWithoutProblemsIsValid() {
        assertThat(OutputMapper.validation(List.of()).valid()).isTrue();
        ValidationDto invalid = OutputMapper.validation(List.of(new FieldError("payloads.charge.label", "is required")));
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.problems()).containsExactly(new FieldErrorDto("payloads.charge.label", "is required"));
    }

    @Test
    void aPollingPayloadWithExpansionsReadBackAsItWasShownIsTheSamePayload() throws Exception {
        Payload payload = pollingPayload(Instant.parse("2026-01-01T09:30:00Z"));

        String shown = mapper.writeValueAsString(OutputMapper.payload(payload));
        Payload readBack = InputMapper.payload(mapper.readValue(shown, PayloadDto.class));

        assertThat(readBack).usingRecursiveComparison().ignoringFields("audit").isEqualTo(payload);
    }

    @Test
    void showsExpansionsAndPollingWithTheBackfillAsAnInstantAndTheOptionsInOrder() {
        JsonNode json = mapper.valueToTree(OutputMapper.payload(pollingPayload(Instant.parse("2026-01-01T00:00:00Z"))));

        assertThat(json.path("expansions")).hasSize(2);
        assertThat(json.at("/expansions/0/path").asText()).isEqualTo("$.customer");
        assertThat(json.at("/expansions/0/credential").asText()).isEqualTo("stripe");
        assertThat(json.at("/expansions/0/resource").asText()).isEqualTo("/v1/customers/{id}");
        assertThat(json.at("/expansions/0/optional").asBoolean()).isTrue();
        assertThat(json.at("/expansions/1/optional").isBoolean()).as("shown even when false").isTrue();
        assertThat(json.at("/expansions/1/optional").asBoolean()).isFalse();
        assertThat(json.at("/polling/trigger").asText()).isEqualTo("new-charge");
        assertThat(json.at("/polling/intervalSeconds").asInt()).isEqualTo(30);
        assertThat(json.at("/polling/backfillFrom").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(json.at("/polling/options").fieldNames()).toIterable().containsExactly("expand", "limit");
    }

    @Test
    void aPayloadThatDoesNotPollShowsNoPollingAndNoExpansions() {
        PayloadDto dto = OutputMapper.payload(chargePayload());

        assertThat(dto.polling()).isNull();
        assertThat(dto.expansions()).isEmpty();
        assertThat(OutputMapper.payload(pollingPayload(null)).polling().backfillFrom()).isNull();
    }

    private static Job job(byte[] body) {
        return new Job(12, "IN-000012", "stripe", "charge", Direction.INBOUND, JobStatus.COMPLETED,
                JobSource.EXTERNAL_API, CREATED, CREATED, MODIFIED, null, 2, 1, 200, null, null, "evt_1", "cus_1",
                new JobRequest("application/json", Map.of("Stripe-Request-Id", "req_1"), body),
                List.of(new TargetResult("account", 0, "Account", "UPSERT", "001A", true, true, null, null)),
                List.of(new JobAttempt(1, "host:1:a", CREATED, CREATED.plusMillis(1_500), AttemptEnd.RETRY,
                                "UNAVAILABLE"),
                        new JobAttempt(2, "host:1:a", MODIFIED.minusSeconds(2), MODIFIED, AttemptEnd.COMPLETED, null)));
    }

    private static Payload pollingPayload(Instant backfillFrom) {
        return new Payload("charge-poll", "Charges", null, Direction.INBOUND, PayloadKind.POLLING, ContentType.JSON,
                false, true, InboundAuth.NONE, "$.id", "$.customer.id", false, InactiveBehaviour.HOLD, List.of(),
                null, null, "stripe", List.of(), List.of(), List.of(),
                List.of(new Expansion("$.customer", "stripe", "/v1/customers/{id}", true),
                        new Expansion("$.invoice", "stripe", "/v1/invoices/{id}")),
                new Polling("new-charge", 30, backfillFrom, Map.of("limit", "10", "expand", "customer")), AUDIT);
    }

    private static Payload chargePayload() {
        List<Element> elements = List.of(new Element("data", "$.data", DataType.OBJECT, true, false,
                List.of(new Element("id", "$.data.id", DataType.STRING, true, false, List.of()))));
        FieldMapping name = new FieldMapping("Name", ValueSourceType.ELEMENT, "$.data.name", null, null, null,
                NullRule.CLEAR, Map.of("a", "A"), "n/a");
        List<Target> targets = List.of(
                new Target("account", "Account", 0, "Account", Operation.UPSERT, "Ext__c", List.of(), WhenPresent.UPDATE,
                        null, null, List.of(name), TooLong.TRUNCATE),
                new Target("contact", "Contact", 10, "Contact", Operation.CREATE_IF_MISSING, null, List.of("Email"),
                        WhenPresent.SKIP, "true", "$.data.items", List.of(FieldMapping.element("Email", "$.data.email"))));
        return new Payload("charge", "Charge", "charges", Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON,
                true, false, new InboundAuth(AuthType.STRIPE_SIGNATURE, "stripe", null, null, null, 300), "$.id",
                "$.data.customer", true, InactiveBehaviour.REJECT, List.of("$.data.card"), null, null, null, elements,
                targets, List.of(), AUDIT);
    }
}
