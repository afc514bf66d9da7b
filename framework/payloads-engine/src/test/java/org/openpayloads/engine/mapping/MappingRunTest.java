package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.mapping.Mappings.allOrNothing;
import static org.openpayloads.engine.mapping.Mappings.computed;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.fixed;
import static org.openpayloads.engine.mapping.Mappings.idOf;
import static org.openpayloads.engine.mapping.Mappings.json;
import static org.openpayloads.engine.mapping.Mappings.partialSuccess;
import static org.openpayloads.engine.mapping.Mappings.resultOf;
import static org.openpayloads.engine.mapping.Mappings.target;
import static org.openpayloads.engine.mapping.Mappings.translated;
import static org.openpayloads.engine.mapping.Mappings.withDefault;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.testkit.InMemoryRecordClient;

class MappingRunTest {

    /** A Stripe invoice.paid event, cut to what the targets read. */
    private static final JsonNode INVOICE = json("""
            {"type": "invoice.paid",
             "data": {"object": {"id": "in_1", "customer": "cus_1", "currency": "eur", "paid": true,
                                 "customer_name": "Ada Lovelace", "customer_phone": "", "brand": "amex",
                                 "lines": {"data": [
                                     {"id": "il_1", "amount": 1999, "description": "Seat"},
                                     {"id": "il_2", "amount": 500, "description": "Support"}]}}}}""");

    private final InMemoryRecordClient org = StripeOrg.client();
    private final MappingCompiler compiler = new MappingCompiler(10);
    private final MappingEngine engine = Mappings.engine();

    private MappingResult run(Payload payload, JsonNode body) {
        return engine.run(compiler.compile("stripe", payload), body, org);
    }

    private static Mappings.TargetBuilder account() {
        return target("account", "Account", Operation.UPSERT).externalId("Stripe_Customer_Id__c")
                .map(element("Stripe_Customer_Id__c", "$.data.object.customer"));
    }

    private static Mappings.TargetBuilder lines() {
        return target("lines", "Invoice_Line__c", Operation.INSERT).forEach("$.data.object.lines.data")
                .map(element("Stripe_Line_Id__c", "@.id"), element("Name", "@.description"),
                        computed("Amount__c", "minorToDecimal(@.amount, $.data.object.currency)"),
                        idOf("Account__c", "account"));
    }

    private Map<String, Object> onlyAccount() {
        assertThat(org.records("Account")).hasSize(1);
        return org.records("Account").get(0);
    }

    @Test
    void aTargetWhoseConditionIsTrueRunsAndOneWhoseConditionIsFalseIsSkipped() {
        MappingResult result = run(allOrNothing(account().when("$.data.object.paid && $.type == 'invoice.paid'"),
                target("contact", "Contact", Operation.INSERT).when("!$.data.object.paid")
                        .map(fixed("LastName", "Ada"))), INVOICE);

        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(result.results()).extracting(TargetResult::operation, TargetResult::success, TargetResult::message)
                .containsExactly(tuple("UPSERT", true, null),
                        tuple("SKIP", true, "condition is false: !$.data.object.paid"));
        assertThat(result.operations().get(1)).isEqualTo(new RecordOperation("contact", 0, "Contact", Action.SKIP,
                null, null, Map.of(), Map.of(), "condition is false: !$.data.object.paid"));
        assertThat(org.records("Contact")).isEmpty();
    }

    @Test
    void aConditionOnAMissingElementIsFalse() {
        MappingResult result = run(allOrNothing(account().when("$.data.object.missing")), INVOICE);

        assertThat(result.operations()).extracting(RecordOperation::action).containsExactly(Action.SKIP);
    }

    @Test
    void aConditionThatIsNotTrueOrFalseFailsTheRecord() {
        MappingResult result = run(allOrNothing(account().when("$.data.object.currency")), INVOICE);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(
                tuple("MAPPING_ERROR", "condition of target 'account' gave 'eur'; expected true or false"));
    }

    @Test
    void aRepeatedTargetMakesOneRecordPerItemLinkedToItsParent() {
        MappingResult result = run(allOrNothing(account(), lines()), INVOICE);

        String account = (String) onlyAccount().get("Id");
        assertThat(org.records("Invoice_Line__c")).extracting(r -> r.get("Stripe_Line_Id__c"), r -> r.get("Name"),
                r -> r.get("Amount__c"), r -> r.get("Account__c")).containsExactly(
                tuple("il_1", "Seat", new BigDecimal("19.99"), account),
                tuple("il_2", "Support", new BigDecimal("5.00"), account));
        assertThat(result.results()).extracting(TargetResult::target, TargetResult::index, TargetResult::operation)
                .containsExactly(tuple("account", 0, "UPSERT"), tuple("lines", 0, "INSERT"),
                        tuple("lines", 1, "INSERT"));
    }

    @Test
    void aRepeatedTargetWithNoItemsIsSkipped() {
        MappingResult result = run(allOrNothing(account(), lines()), json("""
                {"data": {"object": {"customer": "cus_1", "lines": {"data": []}}}}"""));
        MappingResult missing = run(allOrNothing(account(), lines()), json("""
                {"data": {"object": {"customer": "cus_1"}}}"""));

        assertThat(result.results().get(1)).isEqualTo(new TargetResult("lines", 0, "Invoice_Line__c", "SKIP", null,
                null, true, null, "no items at $.data.object.lines.data"));
        assertThat(missing.operations()).extracting(RecordOperation::action).containsExactly(Action.UPSERT,
                Action.SKIP);
    }

    @Test
    void aRepeatedTargetChecksItsConditionPerItem() {
        MappingResult result = run(allOrNothing(account(), lines().when("@.amount > 1000")), INVOICE);

        assertThat(result.operations()).extracting(RecordOperation::index, RecordOperation::action)
                .containsExactly(tuple(0, Action.UPSERT), tuple(0, Action.INSERT), tuple(1, Action.SKIP));
    }

    @Test
    void anXmlElementThatOccursOnceIsOneItem() {
        BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);
        Payload payload = allOrNothing(
                target("account", "Account", Operation.CREATE_IF_MISSING).matchBy("Name")
                        .map(element("Name", "$.order.customer")),
                target("lines", "Invoice_Line__c", Operation.INSERT).forEach("$.order.line").map(
                        computed("Name", "concat(@['@qty'], ' x ', @['#text'])"), element("Stripe_Line_Id__c",
                                "@['@sku']"), idOf("Account__c", "account")));

        run(payload, parser.parse(ContentType.XML, """
                <order><customer>Acme</customer><line sku="A-1" qty="2">Widget</line></order>"""
                .getBytes(StandardCharsets.UTF_8), null));
        assertThat(org.records("Invoice_Line__c")).extracting(r -> r.get("Name"), r -> r.get("Stripe_Line_Id__c"))
                .containsExactly(tuple("2 x Widget", "A-1"));

        run(payload, parser.parse(ContentType.XML, """
                <order><customer>Acme</customer><line sku="B-1" qty="1">Bolt</line><line sku="C-1" qty="3">Cog</line>
                </order>""".getBytes(StandardCharsets.UTF_8), null));
        assertThat(org.records("Invoice_Line__c")).extracting(r -> r.get("Name"))
                .containsExactly("2 x Widget", "1 x Bolt", "3 x Cog");
    }

    @Test
    void targetsRunInTheirOrderNotInTheOrderListed() {
        MappingResult result = run(allOrNothing(
                target("contact", "Contact", Operation.INSERT).order(20).map(fixed("LastName", "Ada"),
                        idOf("AccountId", "account")),
                target("note", "Stripe_Charge__c", Operation.INSERT).order(30).map(fixed("Name", "ch_1")),
                account().order(10)), INVOICE);

        assertThat(result.operations()).extracting(RecordOperation::target)
                .containsExactly("account", "contact", "note");
        assertThat(org.records("Contact")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("AccountId", onlyAccount().get("Id")));
    }

    @Test
    void aMissingValueIsLeftOutOrClearedByItsNullRule() {
        org.seed("Account", Map.of("Stripe_Customer_Id__c", "cus_1", "Site", "old site", "Fax", "999 000",
                "Name", "Acme", "Phone", "111 222"));

        MappingResult result = run(allOrNothing(account().map(
                Mappings.element("Site", "$.data.object.missing", NullRule.IGNORE),
                Mappings.element("Fax", "$.data.object.missing", NullRule.CLEAR),
                Mappings.element("Name", "$.data.object.lines.nothing", NullRule.IGNORE),
                Mappings.element("Phone", "$.data.object.customer_phone", NullRule.CLEAR))), INVOICE);

        assertThat(result.operations().get(0).fields()).containsOnlyKeys("Stripe_Customer_Id__c", "Fax", "Phone")
                .containsEntry("Fax", null).containsEntry("Phone", null);
        assertThat(onlyAccount()).containsEntry("Site", "old site").containsEntry("Fax", null)
                .containsEntry("Name", "Acme").containsEntry("Phone", null);
    }

    @Test
    void aBlankTextForAFieldThatIsNotTextIsNullAndKeepsItsNullRule() {
        org.seed("Account", Map.of("Stripe_Customer_Id__c", "cus_1", "Name", "Acme", "Phone", "111 222"));

        MappingResult result = run(allOrNothing(account().map(
                Mappings.element("Phone", "$.data.object.customer_phone", NullRule.IGNORE))), INVOICE);

        assertThat(result.operations().get(0).fields()).containsOnlyKeys("Stripe_Customer_Id__c");
        assertThat(onlyAccount()).containsEntry("Phone", "111 222");
    }

    @Test
    void aValueMapTranslatesAndFallsBackToItsDefault() {
        run(allOrNothing(account().map(
                translated("Card_Brand__c", "$.data.object.brand", Map.of("visa", "Visa"), "Other"),
                translated("Name", "$.data.object.brand", Map.of("visa", "Visa card"), null),
                translated("Site", "$.data.object.lines.data[0].amount", Map.of("1999", "Premium"), null))), INVOICE);

        assertThat(onlyAccount()).containsEntry("Card_Brand__c", "Other").containsEntry("Name", "amex")
                .containsEntry("Site", "Premium");
    }

    @Test
    void aDefaultValueStandsInForAMissingOne() {
        run(allOrNothing(account().map(withDefault("Name", "$.data.object.missing", "Stripe customer"),
                withDefault("NumberOfEmployees", "$.data.object.missing", "12"),
                withDefault("Site", "$.data.object.customer_name", "unused"))), INVOICE);

        assertThat(onlyAccount()).containsEntry("Name", "Stripe customer").containsEntry("NumberOfEmployees", 12L)
                .containsEntry("Site", "Ada Lovelace");
    }

    @Test
    void aValueTheFieldCannotTakeFailsTheRecordNamingPathFieldValueAndType() {
        MappingResult result = run(allOrNothing(account().map(element("AnnualRevenue",
                "$.data.object.customer_name"))), INVOICE);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(tuple(
                "INVALID_VALUE", "Invalid value 'Ada Lovelace' for target field 'AnnualRevenue' of Account: expected "
                        + "a number (element $.data.object.customer_name)"));
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void aFieldTheObjectLacksFailsTheRecord() {
        MappingResult result = run(allOrNothing(account().map(fixed("Nope__c", "x"))), INVOICE);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(tuple(
                "INVALID_FIELD", "Account has no field 'Nope__c'; expected one of the fields its describe lists"));
    }

    @Test
    void fieldNamesAreMatchedInAnyCaseAndSentAsDescribed() {
        MappingResult result = run(allOrNothing(account().map(fixed("annualrevenue", "10"))), INVOICE);

        assertThat(result.operations().get(0).fields()).containsEntry("AnnualRevenue", new BigDecimal("10"));
    }

    @Test
    void anObjectTheOrgLacksFailsTheRecord() {
        MappingResult result = run(allOrNothing(target("thing", "Nope__c", Operation.INSERT)
                .map(fixed("Name", "x"))), INVOICE);

        assertThat(result.results()).containsExactly(new TargetResult("thing", 0, "Nope__c", null, null, null, false,
                "INVALID_OBJECT", "No object 'Nope__c' exists"));
    }

    @Test
    void aTextTooLongIsCutOrRefusedAsTheTargetSays() {
        JsonNode body = json("{\"city\": \"" + "Llanfairpwllgwyngyll".repeat(3) + "\", \"customer\": \"cus_1\"}");
        Mappings.TargetBuilder target = target("account", "Account", Operation.UPSERT)
                .externalId("Stripe_Customer_Id__c")
                .map(element("Stripe_Customer_Id__c", "$.customer"), element("BillingCity", "$.city"));

        MappingResult refused = run(allOrNothing(target.tooLong(TooLong.FAIL)), body);
        MappingResult cut = run(allOrNothing(target.tooLong(TooLong.TRUNCATE)), body);

        assertThat(refused.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(tuple(
                "INVALID_VALUE", "Invalid value '" + "Llanfairpwllgwyngyll".repeat(3) + "' for target field "
                        + "'BillingCity' of Account: expected at most 40 characters, got 60 (element $.city)"));
        assertThat(cut.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(onlyAccount()).containsEntry("BillingCity", "Llanfairpwllgwyngyll".repeat(2));
    }

    @Test
    void withPartialSuccessTheOtherItemsAndTargetsStillRun() {
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_1", "currency": "eur", "lines": {"data": [
                    {"id": "il_1", "amount": 100, "description": "Seat"},
                    {"id": "il_2", "amount": "lots", "description": "Support"},
                    {"id": "il_3", "amount": 300, "description": "Setup"}]}}}}""");

        MappingResult result = run(partialSuccess(account(), lines(),
                target("contact", "Contact", Operation.INSERT).order(5).map(fixed("LastName", "Ada"))), body);

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(result.results()).extracting(TargetResult::target, TargetResult::index, TargetResult::success)
                .containsExactly(tuple("account", 0, true), tuple("lines", 0, true), tuple("lines", 1, false),
                        tuple("lines", 2, true), tuple("contact", 0, true));
        assertThat(org.records("Invoice_Line__c")).extracting(r -> r.get("Name")).containsExactly("Seat", "Setup");
    }

    @Test
    void withPartialSuccessAJobWhereNothingSucceededFailed() {
        MappingResult result = run(partialSuccess(account().map(fixed("Nope__c", "x")),
                target("contact", "Contact", Operation.INSERT).when("false").map(fixed("LastName", "Ada"))), INVOICE);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void withoutPartialSuccessTheJobStopsAtTheFirstFailure() {
        MappingResult result = run(allOrNothing(account().map(fixed("Nope__c", "x")),
                target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"))), INVOICE);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.results()).extracting(TargetResult::target).containsExactly("account");
        assertThat(resultOf(result, "account").success()).isFalse();
        assertThat(org.writes()).isEmpty();
    }
}
