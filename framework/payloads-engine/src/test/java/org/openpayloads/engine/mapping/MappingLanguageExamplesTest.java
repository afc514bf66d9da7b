package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.engine.coerce.Coercer;
import org.openpayloads.engine.coerce.CoercionContext;
import org.openpayloads.engine.coerce.CoercionException;
import org.openpayloads.engine.config.ConfigValidator;
import org.openpayloads.engine.expr.EvaluationContext;
import org.openpayloads.engine.expr.Expressions;
import org.openpayloads.engine.expr.Functions;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.parse.SampleElements;
import org.openpayloads.testkit.InMemoryRecordClient;

/**
 * Runs every example of {@code docs/mapping-language.md}. The payloads are the JSON blocks of the page, read from
 * it (so a typo in the page fails here), and each output the page shows is asserted as it stands. Test names
 * start with the page's section. Longer than our usual 400 lines: one class per page keeps the page's examples in
 * one place.
 */
class MappingLanguageExamplesTest {

    private static final Path PAGE = Path.of("../../docs/mapping-language.md");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads numbers exactly, so that 5.00 on the page is not 5.0 from the engine. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    /** Writes like the admin API: null members left out, in maps too. */
    private static final ObjectMapper API = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL)).build();
    private static final Page DOC = Page.read(PAGE);
    private static final List<String> BRANDS = List.of("Visa", "Mastercard", "American Express", "Other");

    private final BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);
    private final MappingCompiler compiler = new MappingCompiler(50);
    private final MappingEngine engine = new MappingEngine(LookupCache.disabled(),
            MappingLanguageExamplesTest::credential, CLOCK, UTC);
    private final InMemoryRecordClient org = new InMemoryRecordClient(List.of(StripeOrg.account(),
            StripeOrg.contact(), StripeOrg.charge(), refund(), orderLine()));

    // §1 One tree for every body

    @Test
    void tree_formBodyNestsBracketsAndCollectsRepeatedKeys() throws IOException {
        JsonNode tree = parse(ContentType.FORM_URL_ENCODED, DOC.block("form-body"));

        assertThat(tree).isEqualTo(JSON.readTree(DOC.block("form-tree")));
    }

    @Test
    void tree_xmlBodyHasAttributesAsAtNamesAndTextAsHashText() throws IOException {
        JsonNode tree = parse(ContentType.XML, DOC.block("xml-body"));

        assertThat(tree).isEqualTo(JSON.readTree(DOC.block("xml-tree")));
    }

    @Test
    void tree_textBodyIsOneField() {
        assertThat(parse(ContentType.TEXT, "Hello\nworld"))
                .isEqualTo(JSON.createObjectNode().put("text", "Hello\nworld"));
    }

    // §2 Element paths

    @Test
    void paths_tableReadsTheChargeEvent() throws IOException {
        JsonNode event = StripeOrg.chargeSucceeded();
        for (List<String> row : DOC.table("paths")) {
            ElementReader reader = ElementReader.compile(code(row.get(0)));

            assertThat(reader instanceof SimplePath ? "direct walk" : "Jayway").as(row.get(0)).isEqualTo(row.get(1));
            assertThat(EXACT.readTree(JSON.writeValueAsString(reader.read(event, null))))
                    .as(row.get(0)).isEqualTo(EXACT.readTree(code(row.get(2))));
        }
    }

    @Test
    void paths_atAloneIsTheCurrentItemAndMinusOneTheLastItem() throws IOException {
        JsonNode items = JSON.readTree("[\"a\", \"b\"]");

        assertThat(ElementReader.compile("@").read(JSON.createObjectNode(), items.get(1))).isEqualTo(items.get(1));
        assertThat(ElementReader.compile("$[-1]").read(items, null)).isEqualTo(items.get(1));
    }

    @Test
    void paths_badExpressionsAndItemPathsOutsideARepeatAreRefusedOnSave() {
        Target target = new Target("account", "account", 10, "Account", Operation.INSERT, null, List.of(), null,
                "$.data.object.paid = true", null, List.of(FieldMapping.element("Name", "@.name")));

        assertThat(new ConfigValidator().validate(payload(false, target), Set.of()))
                .extracting(error -> error.field() + ": " + error.message())
                .contains("targets[0].condition: unexpected '=' at column 20; expected '==' to compare",
                        "targets[0].mappings[0].value: '@.name' reads the current item, but this target has no "
                                + "repeatPath; expected a path from the body's root, such as $.name");
    }

    // §3 Elements from a sample

    @Test
    void elementsFromSample_formSampleGivesTypedElementsWithRepeatedItems() throws IOException {
        JsonNode request = JSON.readTree(DOC.block("sample-request"));
        JsonNode tree = parse(ContentType.ofHeader(request.get("contentType").asText()).orElseThrow(),
                request.get("body").asText());

        List<Element> elements = SampleElements.from(tree);

        assertJson(DOC.block("sample-response"), Map.of("items", elements.stream().map(this::element).toList()));
    }

    // §4 Targets

    @Test
    void targets_manyMatchesFailAsMultipleMatches() {
        org.seed("Contact", Map.of("LastName", "Lovelace", "FirstName", "Ada"));
        org.seed("Contact", Map.of("LastName", "Lovelace", "FirstName", "Ada"));
        FieldMapping last = staticValue("LastName", "Lovelace");
        FieldMapping first = staticValue("FirstName", "Ada");
        FieldMapping lookup = new FieldMapping("Description", ValueSourceType.LOOKUP, "$.data.object.object", "Contact",
                "LastName", "FirstName", null, null, null);

        MappingResult one = preview(payload(false, new Target("c", "c", 10, "Contact", Operation.CREATE_IF_MISSING,
                null, List.of("LastName"), null, null, null, List.of(last, first))), StripeOrg.chargeSucceeded());
        MappingResult two = preview(payload(false, new Target("c", "c", 10, "Contact", Operation.CREATE_IF_MISSING,
                null, List.of("LastName", "FirstName"), null, null, null, List.of(last, first))),
                StripeOrg.chargeSucceeded());
        ObjectNode lovelace = StripeOrg.chargeSucceeded().deepCopy();
        ((ObjectNode) lovelace.at("/data/object")).put("object", "Lovelace");
        MappingResult looked = preview(payload(false, new Target("a", "a", 10, "Account", Operation.INSERT, null,
                List.of(), null, null, null, List.of(staticValue("Name", "x"), lookup))), lovelace);

        assertThat(one.results().get(0).errorCode()).isEqualTo("MULTIPLE_MATCHES");
        assertThat(two.results().get(0).errorCode()).isEqualTo("MULTIPLE_MATCHES");
        assertThat(looked.results().get(0).errorCode()).isEqualTo("MULTIPLE_MATCHES");
    }

    // §5 Field mappings and value sources

    @Test
    void valueSources_credentialGivesPlainAttributesOnly() throws IOException {
        for (List<String> row : DOC.table("credentials")) {
            Target target = new Target("account", "account", 10, "Account", Operation.INSERT, null, List.of(), null,
                    null, null, List.of(staticValue("Name", "Stripe"), mapping(JSON.readTree(code(row.get(0))))));
            MappingResult preview = preview(payload(false, target), StripeOrg.chargeSucceeded());

            String expected = code(row.get(1));
            if (expected.startsWith("MAPPING_ERROR: ")) {
                assertThat(preview.results().get(0).errorCode() + ": " + preview.results().get(0).message())
                        .isEqualTo(expected);
            } else {
                assertThat(preview.operations().get(0).fields())
                        .containsEntry("Website", JSON.readTree(expected).asText());
            }
        }
    }

    @Test
    void valueSources_targetResultOfAFailedTargetIsDependencyFailed() throws IOException {
        org.refuseWhen(write -> write.object().equals("Account") ? new RecordError("DUPLICATES_DETECTED", "no") : null);

        MappingResult run = engine.run(plan(withPartialSuccess(DOC.block("charge-payload"))),
                StripeOrg.chargeSucceeded(), org);

        assertThat(run.results().get(1)).returns("DEPENDENCY_FAILED", r -> r.errorCode())
                .returns("target 'account' failed, so its Id is unknown", r -> r.message());
        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
    }

    // §6 Value maps, defaults and null rules

    @Test
    void valueMaps_cardBrandTable() throws IOException {
        Payload charge = payload(DOC.block("charge-payload"));
        for (List<String> row : DOC.table("card-brand")) {
            ObjectNode event = StripeOrg.chargeSucceeded().deepCopy();
            ((ObjectNode) event.at("/data/object/payment_method_details/card"))
                    .set("brand", JSON.readTree(code(row.get(0))));

            MappingResult preview = preview(charge, event);

            assertThat(preview.operations().get(0).fields())
                    .containsEntry("Card_Brand__c", JSON.readTree(code(row.get(1))).asText());
        }
    }

    @Test
    void nullRules_emptyTextIsNotNullAndABlankNonTextIsSentAsNull() {
        Payload form = new Payload("contact-form", "contact-form", null, Direction.INBOUND, PayloadKind.API_PUSH,
                ContentType.FORM_URL_ENCODED, false, true, null, null, null, false, null, List.of(), null, null, null,
                List.of(), List.of(
                contact("ignore", element("FirstName", "$.first", NullRule.IGNORE, null),
                        element("Phone", "$.phone", NullRule.IGNORE, null),
                        element("Email", "$.email", NullRule.IGNORE, null)),
                contact("clear", element("Phone", "$.phone", NullRule.CLEAR, null),
                        element("Email", "$.email", NullRule.CLEAR, null)),
                contact("default", element("Phone", "$.phone", NullRule.IGNORE, "+1 415 555 0100"),
                        element("Email", "$.email", NullRule.IGNORE, "unknown@example.com")),
                contact("blank-phone", new FieldMapping("Phone", ValueSourceType.EXPRESSION,
                        "if(isBlank($.phone), '+1 415 555 0100', $.phone)", null, null, null, null, null, null))),
                List.of(), null);

        MappingResult preview = engine.preview(compiler.compile("shop", form),
                parse(ContentType.FORM_URL_ENCODED, "last=Lovelace&first=&phone="), org);

        assertThat(preview.operations().get(0).fields()).containsEntry("LastName", "Lovelace")
                .containsEntry("FirstName", "").doesNotContainKeys("Phone", "Email");
        assertThat(preview.operations().get(1).fields()).containsEntry("Phone", null).containsEntry("Email", null);
        assertThat(preview.operations().get(2).fields()).doesNotContainKey("Phone")
                .containsEntry("Email", "unknown@example.com");
        assertThat(preview.operations().get(3).fields()).containsEntry("Phone", "+1 415 555 0100");
    }

    // §7 Expressions

    @Test
    void expressions_operatorTable() throws IOException {
        checkExpressions(DOC.table("expressions"));
    }

    @Test
    void expressions_functionTableIsFunctionsDocsAndItsExamplesHold() throws IOException {
        List<List<String>> rows = DOC.table("functions");
        List<Functions.Doc> docs = Functions.docs();

        assertThat(rows).hasSameSizeAs(docs);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Functions.Doc doc = docs.get(i);
            assertThat(List.of(code(row.get(0)), row.get(1), row.get(2)))
                    .containsExactly(doc.signature(), doc.arity(), doc.description());
            assertThat(evaluate(code(row.get(3)), StripeOrg.chargeSucceeded())).as(row.get(3))
                    .isEqualTo(EXACT.readTree(code(row.get(4))));
        }
    }

    @Test
    void expressions_functionDetailsTable() throws IOException {
        checkExpressions(DOC.table("function-details"));
    }

    @Test
    void expressions_anUnknownCurrencyInTheDataFailsNamingIt() throws IOException {
        JsonNode body = JSON.readTree("{\"amount\": 500, \"currency\": \"XYZ\"}");

        assertThatThrownBy(() -> evaluate("minorToDecimal($.amount, $.currency)", body))
                .isInstanceOf(MappingException.class)
                .hasMessage("function 'minorToDecimal', argument 2: Unknown currency 'XYZ': expected an ISO 4217 code "
                        + "such as USD");
    }

    @Test
    void expressions_syntaxErrorsNameTheColumn() {
        assertThatThrownBy(() -> Expressions.compile("$.a = 1"))
                .hasMessage("value: unexpected '=' at column 5; expected '==' to compare");
        assertThatThrownBy(() -> Expressions.compile("1 < 2 < 3"))
                .hasMessageContaining("comparisons cannot be chained");
    }

    // §8 Coercion to the field's type

    @Test
    void coercion_table() throws IOException {
        Coercer coercer = new Coercer();
        CoercionContext context = new CoercionContext("Account", "$.v", TooLong.FAIL, UTC);
        for (List<String> row : DOC.table("coercion")) {
            FieldDescription field = new FieldDescription("Field", row.get(0), 0, true, true, true, false, false,
                    row.get(0).endsWith("picklist") ? BRANDS : List.of(), List.of());
            JsonNode value = JSON.readTree(code(row.get(1)));
            if (row.get(2).startsWith("refused: ")) {
                assertThatThrownBy(() -> coercer.coerce(value, field, context)).as(row.toString())
                        .isInstanceOf(CoercionException.class)
                        .hasMessageEndingWith(": " + row.get(2).substring("refused: ".length()) + " (element $.v)");
            } else {
                assertThat(EXACT.readTree(JSON.writeValueAsString(coercer.coerce(value, field, context))))
                        .as(row.toString()).isEqualTo(EXACT.readTree(code(row.get(2))));
            }
        }
    }

    @Test
    void coercion_invalidValueMessageNamesValueFieldObjectExpectationAndElement() {
        Target account = new Target("account", "account", 10, "Account", Operation.INSERT, null, List.of(), null, null,
                null, List.of(staticValue("Name", "Stripe"),
                FieldMapping.element("NumberOfEmployees", "$.data.object.receipt_number")));

        MappingResult preview = preview(payload(false, account), StripeOrg.chargeSucceeded());

        assertThat(preview.results().get(0).errorCode()).isEqualTo("INVALID_VALUE");
        assertThat(preview.results().get(0).message()).isEqualTo(DOC.block("invalid-value").strip());
    }

    @Test
    void coercion_tooLongTextFailsOrIsTruncated() {
        FieldMapping name = new FieldMapping("Name", ValueSourceType.EXPRESSION,
                "concat($.data.object.description, ' (', $.data.object.id, ')')", null, null, null, null, null, null);

        MappingResult fail = preview(payload(false, charge(TooLong.FAIL, name)), StripeOrg.chargeSucceeded());
        MappingResult truncate = preview(payload(false, charge(TooLong.TRUNCATE, name)), StripeOrg.chargeSucceeded());

        assertThat(fail.results().get(0).message()).isEqualTo(DOC.block("too-long").strip());
        assertThat(truncate.operations().get(0).fields()).containsEntry("Name",
                "Donation 1: https://twitter.com/donor_test/status/262824785606737920 (ch_chargei");
    }

    @Test
    void coercion_unknownFieldIsInvalidField() {
        Target account = new Target("account", "account", 10, "Account", Operation.INSERT, null, List.of(), null, null,
                null, List.of(staticValue("Nmae", "Stripe")));

        MappingResult preview = preview(payload(false, account), StripeOrg.chargeSucceeded());

        assertThat(preview.results().get(0)).returns("INVALID_FIELD", r -> r.errorCode())
                .returns("Account has no field 'Nmae'; expected one of the fields its describe lists",
                        r -> r.message());
    }

    // §10 Preview

    @Test
    void preview_cannotFindARecordByAnIdOnlyTheRunWouldMake() {
        Target account = new Target("account", "account", 10, "Account", Operation.INSERT, null, List.of(), null, null,
                null, List.of(staticValue("Name", "Stripe")));
        FieldMapping accountId = new FieldMapping("AccountId", ValueSourceType.TARGET_RESULT, null, "account", null,
                null, null, null, null);
        Target update = new Target("update", "update", 20, "Contact", Operation.UPDATE, null, List.of("AccountId"),
                null, null, null, List.of(accountId));
        Target create = new Target("create", "create", 30, "Contact", Operation.CREATE_IF_MISSING, null,
                List.of("AccountId"), WhenPresent.SKIP, null, null, List.of(accountId, staticValue("LastName", "Ada")));

        MappingResult preview = preview(payload(true, account, update, create), StripeOrg.chargeSucceeded());

        assertThat(preview.results().get(1).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(preview.operations()).filteredOn(o -> o.target().equals("create")).singleElement()
                .returns(Action.INSERT, RecordOperation::action)
                .returns("{account.id}", o -> o.match().get("AccountId"));
    }

    // §11.1 A Stripe charge

    @Test
    void stripeCharge_previewShowsEveryFieldAndThePendingAccountId() throws IOException {
        MappingResult preview = preview(payload(DOC.block("charge-payload")), StripeOrg.chargeSucceeded());

        assertJson(DOC.block("charge-preview"), preview(preview));
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void stripeCharge_runWritesTheThreeRecordsLinkedToTheAccount() throws IOException {
        MappingPlan plan = plan(payload(DOC.block("charge-payload")));

        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        assertJson(DOC.block("charge-run-results"), results(run));
        assertThat(org.records("Contact").get(0)).containsEntry("AccountId", "001000000000000001");
        assertThat(org.records("Stripe_Charge__c").get(0)).containsEntry("Account__c", "001000000000000001")
                .containsEntry("Name", "USD 5.00 on 29 Oct 2012")
                .containsEntry("Charged_At__c", "2012-10-29T07:55:05.000Z");
        assertThat(org.records("Account").get(0)).containsEntry("Last_Charge_Amount__c", new BigDecimal("5.00"))
                .doesNotContainKey("Phone");
        assertThat(engine.run(plan, StripeOrg.chargeSucceeded(), org).results())
                .allSatisfy(result -> assertThat(result.created()).isFalse());
        assertThat(engine.preview(plan, StripeOrg.chargeSucceeded(), org).operations().get(1).fields())
                .containsEntry("AccountId", "001000000000000001");
    }

    @Test
    void stripeCharge_unpaidChargeSkipsAccountAndContact() throws IOException {
        ObjectNode event = StripeOrg.chargeSucceeded().deepCopy();
        ((ObjectNode) event.at("/data/object")).put("paid", false);

        MappingResult run = engine.run(plan(payload(DOC.block("charge-payload"))), event, org);

        assertJson(DOC.block("charge-unpaid-results"), results(run));
        assertThat(org.records("Stripe_Charge__c").get(0)).doesNotContainKey("Account__c");
    }

    // §11.2 Refunds

    @Test
    void refunds_oneRecordPerRefundWithTheChargeFoundByLookup() throws IOException {
        engine.run(plan(payload(DOC.block("charge-payload"))), StripeOrg.chargeSucceeded(), org);

        MappingResult preview = preview(payload(DOC.block("refund-payload")), chargeRefunded());

        assertJson(DOC.block("refund-preview"), preview(preview));
    }

    @Test
    void refunds_noItemsIsOneSkip() throws IOException {
        MappingResult preview = preview(payload(DOC.block("refund-payload")), StripeOrg.chargeSucceeded());

        assertJson(DOC.block("refund-none-preview"), preview(preview));
    }

    // §11.3 A form-encoded order

    @Test
    void formOrder_previewMakesOneLinePerItem() throws IOException {
        Payload shop = payload(DOC.block("form-payload"));

        MappingResult preview = preview(shop, parse(ContentType.FORM_URL_ENCODED, DOC.block("form-body")));

        assertJson(DOC.block("form-preview-operations"), preview(preview).get("operations"));
    }

    @Test
    void formOrder_secondRunSkipsTheCustomerAndStillLinksTheLines() throws IOException {
        MappingPlan plan = plan(payload(DOC.block("form-payload")));
        JsonNode body = parse(ContentType.FORM_URL_ENCODED, DOC.block("form-body"));

        engine.run(plan, body, org);
        MappingResult second = engine.run(plan, body, org);

        assertJson(DOC.block("form-second-run-results"), results(second));
        assertThat(org.records("Order_Line__c")).hasSize(4)
                .allSatisfy(line -> assertThat(line).containsEntry("Contact__c", "003000000000000001"));
    }

    // §11.4 An XML order

    @Test
    void xmlOrder_updatesTheContactFoundByEmailAndMakesALineForTheOneElement() throws IOException {
        org.seed("Contact", Map.of("LastName", "Lovelace", "Email", "ada@example.com"));
        JsonNode body = parse(ContentType.XML, DOC.block("xml-body"));

        MappingResult preview = preview(payload(DOC.block("xml-payload")), body);

        assertJson(DOC.block("xml-preview-operations"), preview(preview).get("operations"));
    }

    @Test
    void xmlOrder_withoutTheContactTheUpdateIsNotFound() throws IOException {
        MappingResult run = engine.run(plan(payload(DOC.block("xml-payload"))),
                parse(ContentType.XML, DOC.block("xml-body")), org);

        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertJson(DOC.block("xml-not-found-results"), results(run));
    }

    // §11.5 Undo, partial success and a delete

    @Test
    void undo_aRefusedContactDeletesTheAccountWrittenBeforeIt() throws IOException {
        org.refuseWhen(MappingLanguageExamplesTest::contactNeedsEmail);

        MappingResult run = engine.run(plan(payload(DOC.block("charge-payload"))), StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertJson(DOC.block("undo-results"), results(run));
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void undo_withPartialSuccessTheAccountAndChargeStay() throws IOException {
        org.refuseWhen(MappingLanguageExamplesTest::contactNeedsEmail);

        MappingResult run = engine.run(plan(withPartialSuccess(DOC.block("charge-payload"))),
                StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.PARTIAL);
        assertJson(DOC.block("partial-results"), results(run));
    }

    @Test
    void undo_aDeleteStaysDeleted() throws IOException {
        org.seed("Stripe_Charge__c", Map.of("Stripe_Charge_Id__c", "ch_chargeid", "Name", "USD 5.00 on 29 Oct 2012"));

        MappingResult run = engine.run(plan(payload(DOC.block("delete-payload"))), StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertJson(DOC.block("delete-results"), results(run));
        assertThat(org.records("Stripe_Charge__c")).isEmpty();
    }

    // Running the examples

    private MappingResult preview(Payload payload, JsonNode body) {
        return engine.preview(plan(payload), body, org);
    }

    /** Compiles a payload, after checking it as saving it would: the page's payloads must save without a 422. */
    private MappingPlan plan(Payload payload) {
        assertThat(new ConfigValidator().validate(payload, Set.of("stripe-api"))).as(payload.apiName()).isEmpty();
        return compiler.compile("stripe", payload);
    }

    private JsonNode parse(ContentType type, String body) {
        return parser.parse(type, body.strip().getBytes(StandardCharsets.UTF_8), type.mediaType());
    }

    private static JsonNode evaluate(String expression, JsonNode root) throws JsonProcessingException {
        EvaluationContext context = new EvaluationContext() {
            @Override
            public @Nullable Object read(String path) {
                return ElementReader.compile(path).read(root, null);
            }

            @Override
            public Clock clock() {
                return CLOCK;
            }

            @Override
            public ZoneId zone() {
                return UTC;
            }
        };
        return EXACT.readTree(JSON.writeValueAsString(Expressions.compile(expression).evaluate(context)));
    }

    private static void checkExpressions(List<List<String>> rows) throws IOException {
        for (List<String> row : rows) {
            String expression = code(row.get(0));
            if (row.get(1).startsWith("fails: ")) {
                assertThatThrownBy(() -> evaluate(expression, StripeOrg.chargeSucceeded())).as(expression)
                        .isInstanceOf(MappingException.class)
                        .hasMessage(code(row.get(1).substring("fails: ".length())));
            } else {
                assertThat(evaluate(expression, StripeOrg.chargeSucceeded())).as(expression)
                        .isEqualTo(EXACT.readTree(code(row.get(1))));
            }
        }
    }

    private static void assertJson(String expected, Object actual) throws JsonProcessingException {
        JsonNode shown = EXACT.readTree(API.writeValueAsString(actual));
        assertThat(shown).as("as the API shows it: %s", shown.toPrettyString()).isEqualTo(EXACT.readTree(expected));
    }

    // The admin API's shapes (PreviewDto, TargetResultDto, ElementDto), as maps

    private static Map<String, Object> preview(MappingResult result) {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("status", result.status().name());
        preview.put("operations", result.operations().stream().map(o -> ordered("target", o.target(), "index",
                o.index(), "object", o.object(), "action", o.action().name(), "externalIdField", o.externalIdField(),
                "recordId", o.recordId(), "match", o.match(), "fields", o.fields(), "reason", o.reason())).toList());
        preview.put("lookups", result.lookups().stream().map(l -> ordered("target", l.target(), "index", l.index(),
                "field", l.field(), "object", l.object(), "matchField", l.matchField(), "value", l.value(),
                "returnField", l.returnField(), "result", l.result(), "cached", l.cached())).toList());
        preview.put("results", results(result));
        return preview;
    }

    private static List<Map<String, @Nullable Object>> results(MappingResult result) {
        return result.results().stream().map(r -> ordered("target", r.target(), "index", r.index(), "object",
                r.object(), "operation", r.operation(), "recordId", r.recordId(), "created", r.created(), "success",
                r.success(), "errorCode", r.errorCode(), "message", r.message())).toList();
    }

    private Map<String, @Nullable Object> element(Element element) {
        return ordered("name", element.name(), "path", element.path(), "dataType", element.dataType().name(),
                "required", element.required(), "repeated", element.repeated(), "children",
                element.children().stream().map(this::element).toList());
    }

    private static Map<String, @Nullable Object> ordered(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // The page's payload JSON, read with InputMapper's defaults; unknown members fail, as the admin API's do

    private static final Set<String> PAYLOAD_MEMBERS = Set.of("apiName", "label", "description", "direction", "kind",
            "contentType", "allowPartialSuccess", "active", "auth", "dedupeKey", "orderingKey", "syncResponse",
            "whenInactive", "redactPaths", "endpointUrl", "httpMethod", "credential", "elements", "targets", "sources");
    private static final Set<String> TARGET_MEMBERS = Set.of("apiName", "label", "order", "object", "operation",
            "externalIdField", "matchFields", "whenPresent", "condition", "repeatPath", "mappings", "onTooLong");
    private static final Set<String> MAPPING_MEMBERS = Set.of("field", "sourceType", "value", "reference",
            "lookupMatchField", "lookupReturnField", "nullRule", "valueMap", "defaultValue");

    private static Payload payload(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        members(node, PAYLOAD_MEMBERS);
        String contentType = text(node, "contentType");
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < node.path("targets").size(); i++) {
            targets.add(target(node.path("targets").get(i), i));
        }
        return new Payload(text(node, "apiName"), node.path("label").asText(text(node, "apiName")), null,
                Direction.INBOUND, PayloadKind.valueOf(node.path("kind").asText("API_PUSH")),
                contentType == null ? ContentType.JSON : ContentType.valueOf(contentType),
                node.path("allowPartialSuccess").asBoolean(false), true, null, null, null, false, null, List.of(),
                null, null, null, List.of(), targets, List.of(), null);
    }

    private static Payload withPartialSuccess(String json) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.put("allowPartialSuccess", true);
        return payload(node.toString());
    }

    private static Target target(JsonNode node, int position) {
        members(node, TARGET_MEMBERS);
        List<String> matchFields = new ArrayList<>();
        node.path("matchFields").forEach(field -> matchFields.add(field.asText()));
        List<FieldMapping> mappings = new ArrayList<>();
        node.path("mappings").forEach(mapping -> mappings.add(mapping(mapping)));
        return new Target(text(node, "apiName"), node.path("label").asText(text(node, "apiName")),
                node.path("order").asInt(position * 10), text(node, "object"),
                Operation.valueOf(text(node, "operation")), text(node, "externalIdField"), matchFields,
                node.has("whenPresent") ? WhenPresent.valueOf(text(node, "whenPresent")) : null,
                text(node, "condition"),
                text(node, "repeatPath"), mappings,
                node.has("onTooLong") ? TooLong.valueOf(text(node, "onTooLong")) : null);
    }

    private static FieldMapping mapping(JsonNode node) {
        members(node, MAPPING_MEMBERS);
        Map<String, String> valueMap = new LinkedHashMap<>();
        node.path("valueMap").properties().forEach(e -> valueMap.put(e.getKey(), e.getValue().asText()));
        return new FieldMapping(text(node, "field"), ValueSourceType.valueOf(text(node, "sourceType")),
                text(node, "value"), text(node, "reference"), text(node, "lookupMatchField"),
                text(node, "lookupReturnField"), node.has("nullRule") ? NullRule.valueOf(text(node, "nullRule")) : null,
                valueMap, text(node, "defaultValue"));
    }

    private static void members(JsonNode node, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> assertThat(known).as("member '%s'", name).contains(name));
    }

    private static @Nullable String text(JsonNode node, String member) {
        return node.hasNonNull(member) ? node.get(member).asText() : null;
    }

    // Small payloads for the examples that are not whole pages of JSON

    private static Payload payload(boolean allowPartial, Target... targets) {
        return new Payload("example", "example", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON,
                allowPartial, true, null, null, null, false, null, List.of(), null, null, null, List.of(),
                List.of(targets), List.of(), null);
    }

    private static Target contact(String name, FieldMapping... mappings) {
        List<FieldMapping> all = new ArrayList<>(List.of(FieldMapping.element("LastName", "$.last")));
        all.addAll(List.of(mappings));
        return new Target(name, name, 10, "Contact", Operation.INSERT, null, List.of(), null, null, null, all);
    }

    private static Target charge(TooLong onTooLong, FieldMapping name) {
        return new Target("stripe-charge", "stripe-charge", 10, "Stripe_Charge__c", Operation.INSERT, null, List.of(),
                null, null, null, List.of(name), onTooLong);
    }

    private static FieldMapping element(String field, String path, NullRule rule, @Nullable String defaultValue) {
        return new FieldMapping(field, ValueSourceType.ELEMENT, path, null, null, null, rule, null, defaultValue);
    }

    private static FieldMapping staticValue(String field, String value) {
        return new FieldMapping(field, ValueSourceType.STATIC, value, null, null, null, null, null, null);
    }

    private static @Nullable RecordError contactNeedsEmail(RecordWrite write) {
        return write.object().equals("Contact")
                ? new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "A Stripe contact needs an email address",
                        List.of("Email"))
                : null;
    }

    private static Optional<ResolvedCredential> credential(String integration, String name) {
        return name.equals("stripe-api")
                ? Optional.of(new ResolvedCredential("stripe-api", CredentialType.STRIPE,
                        Map.of("apiBase", "https://api.stripe.com"),
                        Map.of("secretKey", "sk_test_4eC39HqLyjWDarjtT1zdp7dc")))
                : Optional.empty();
    }

    /** The charge.refunded event around the published data, as {@link StripeOrg#chargeSucceeded()} builds its own. */
    private static JsonNode chargeRefunded() {
        ObjectNode event = JSON.createObjectNode().put("id", "evt_3LQOJoKXBGcbgpbZ1refund").put("object", "event")
                .put("type", "charge.refunded");
        event.set("data", StripeOrg.read("stripe/event-data-charge.refunded.json"));
        return event;
    }

    private static ObjectDescription refund() {
        return object("Stripe_Refund__c", List.of(field("Id", "id", 18, List.of()),
                new FieldDescription("Stripe_Refund_Id__c", "string", 255, true, true, true, true, true, List.of(),
                        List.of()),
                field("Amount__c", "currency", 0, List.of()),
                field("Reason__c", "picklist", 40, List.of("Duplicate", "Fraudulent", "Requested by customer")),
                field("Refunded_At__c", "datetime", 0, List.of()),
                new FieldDescription("Charge__c", "reference", 18, true, true, true, false, false, List.of(),
                        List.of("Stripe_Charge__c"))));
    }

    private static ObjectDescription orderLine() {
        return object("Order_Line__c", List.of(field("Id", "id", 18, List.of()), field("Order_Id__c", "string", 40,
                List.of()), field("Price_Id__c", "string", 40, List.of()), field("Quantity__c", "double", 0, List.of()),
                new FieldDescription("Contact__c", "reference", 18, true, true, true, false, false, List.of(),
                        List.of("Contact"))));
    }

    private static ObjectDescription object(String name, List<FieldDescription> fields) {
        Map<String, FieldDescription> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        return new ObjectDescription(name, byName);
    }

    private static FieldDescription field(String name, String type, int length, List<String> picklist) {
        return new FieldDescription(name, type, length, true, true, !name.equals("Id"), false, false, picklist,
                List.of());
    }

    // Reading the page

    /** The text of a table cell's code span, or the cell as it is. */
    private static String code(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    /** The page's marked blocks ({@code <!-- example: name -->}) and tables ({@code <!-- table: name -->}). */
    private record Page(List<String> lines) {

        static Page read(Path path) {
            try {
                return new Page(Files.readAllLines(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String block(String name) {
            int at = marker("example", name);
            while (!lines.get(at).startsWith("```")) {
                at++;
            }
            StringBuilder text = new StringBuilder();
            for (int i = at + 1; !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            return text.toString();
        }

        /** The rows of a table, without its header, as trimmed cells with {@code \|} read as {@code |}. */
        List<List<String>> table(String name) {
            int at = marker("table", name);
            while (!lines.get(at).startsWith("|")) {
                at++;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                rows.add(cells(lines.get(i)));
            }
            assertThat(rows).as("rows of table " + name).isNotEmpty();
            return rows;
        }

        private int marker(String kind, String name) {
            int at = lines.indexOf("<!-- " + kind + ": " + name + " -->");
            assertThat(at).as("marker of %s %s", kind, name).isNotNegative();
            return at;
        }

        private static List<String> cells(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            for (int i = 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                    cell.append('|');
                    i++;
                } else if (c == '|') {
                    cells.add(cell.toString().strip());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            return cells;
        }
    }
}
