package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.mapping.Mappings.allOrNothing;
import static org.openpayloads.engine.mapping.Mappings.computed;
import static org.openpayloads.engine.mapping.Mappings.credential;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.fixed;
import static org.openpayloads.engine.mapping.Mappings.idOf;
import static org.openpayloads.engine.mapping.Mappings.lookup;
import static org.openpayloads.engine.mapping.Mappings.saved;
import static org.openpayloads.engine.mapping.Mappings.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.testkit.InMemoryRecordClient;

class MappingCompilerTest {

    private final MappingCompiler compiler = new MappingCompiler(10);

    private static Mappings.TargetBuilder account() {
        return target("account", "Account", Operation.UPSERT).externalId("Stripe_Customer_Id__c")
                .map(element("Stripe_Customer_Id__c", "$.data.object.customer"));
    }

    private ListAssert<FieldError> errorsOf(Payload payload) {
        ConfigException thrown = catchThrowableOfType(ConfigException.class,
                () -> compiler.compile("stripe", payload));
        assertThat(thrown).as("a ConfigException").isNotNull();
        return assertThat(thrown.errors());
    }

    @Test
    void compilesEveryPathOnceAndOrdersTargetsByOrder() {
        Payload payload = allOrNothing(
                target("contact", "Contact", Operation.UPSERT).order(20).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.data.object.customer"), idOf("AccountId", "account")),
                account().order(10).map(computed("Name", "coalesce($.data.object.billing_details.name, "
                        + "$.data.object.customer)")));

        MappingPlan plan = compiler.compile("stripe", payload);

        assertThat(plan.targets()).extracting(CompiledTarget::name).containsExactly("account", "contact");
        assertThat(plan.readers()).containsOnlyKeys("$.data.object.customer", "$.data.object.billing_details.name");
        assertThat(compiler.pathsCompiled()).isEqualTo(2);
        assertThat(plan.integration()).isEqualTo("stripe");
        assertThat(plan.payload()).isSameAs(payload);
        assertThat(plan).hasToString("MappingPlan[stripe/charge v0, 2 targets, 2 paths]");
    }

    @Test
    void onlyTargetsBeforeTheLastOrRepeatedOnesMayNeedUndoing() {
        Payload payload = allOrNothing(account().order(1),
                target("lines", "Invoice_Line__c", Operation.INSERT).order(3).forEach("$.lines")
                        .map(element("Name", "@.name")),
                target("note", "Line_Note__c", Operation.INSERT).order(2).map(fixed("Text__c", "x")));

        assertThat(compiler.compile("stripe", payload).targets())
                .extracting(CompiledTarget::name, CompiledTarget::writesFollow)
                .containsExactly(tuple("account", true), tuple("note", true), tuple("lines", true));
        assertThat(compiler.compile("stripe", allOrNothing(account())).targets())
                .extracting(CompiledTarget::writesFollow).containsExactly(false);
    }

    @Test
    void aBadPathIsAnErrorOnItsField() {
        Payload payload = allOrNothing(account().map(element("Name", "$.data.object[0"),
                lookup("OwnerId", "User", "data.owner", "Email")));

        errorsOf(payload).extracting(FieldError::field).containsExactly("targets[0].mappings[1].value",
                "targets[0].mappings[2].value");
        errorsOf(payload).first().extracting(FieldError::message).asString()
                .startsWith("path '$.data.object[0' is not a valid JSONPath")
                .endsWith("; expected for example $.data.object.id");
    }

    @Test
    void aBadExpressionOrConditionIsAnErrorOnItsField() {
        Payload payload = allOrNothing(account().when("$.data.object.paid ==").map(
                computed("Name", "upper($.data.object.customer"), computed("Description", "shout($.x)"),
                computed("Site", "concat($.data.object[0, 'x')")));

        errorsOf(payload).extracting(FieldError::field).containsExactly("targets[0].condition",
                "targets[0].mappings[1].value", "targets[0].mappings[2].value", "targets[0].mappings[3].value");
        errorsOf(payload).extracting(FieldError::message).satisfies(messages -> {
            assertThat(messages.get(1)).contains("column");
            assertThat(messages.get(2)).contains("unknown function 'shout'");
        });
    }

    @Test
    void anItemPathIsRefusedOutsideARepeatedTarget() {
        Payload payload = allOrNothing(account().when("@.paid").map(element("Name", "@.name"),
                computed("Description", "upper(@.description)"), lookup("OwnerId", "User", "@.owner", "Email")));

        errorsOf(payload).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("targets[0].condition", "'@.paid' reads the current item, but this target has no repeatPath; "
                        + "expected a path from the body's root, such as $.paid"),
                tuple("targets[0].mappings[1].value", "'@.name' reads the current item, but this target has no "
                        + "repeatPath; expected a path from the body's root, such as $.name"),
                tuple("targets[0].mappings[2].value", "'@.description' reads the current item, but this target has "
                        + "no repeatPath; expected a path from the body's root, such as $.description"),
                tuple("targets[0].mappings[3].value", "'@.owner' reads the current item, but this target has no "
                        + "repeatPath; expected a path from the body's root, such as $.owner"));
    }

    @Test
    void anItemPathIsReadFromEachItemOfARepeatedTarget() {
        Payload payload = allOrNothing(target("lines", "Invoice_Line__c", Operation.INSERT)
                .forEach("$.data.object.lines.data").when("@.amount > 0")
                .map(element("Name", "@.description"), computed("Amount__c", "minorToDecimal(@.amount, "
                        + "$.data.object.currency)")));

        MappingPlan plan = compiler.compile("stripe", payload);

        assertThat(plan.targets().get(0).repeat().path()).isEqualTo("$.data.object.lines.data");
        assertThat(plan.readers()).containsKeys("@.description", "@.amount", "$.data.object.currency");
    }

    @Test
    void aRepeatPathStartsAtTheRoot() {
        Payload payload = allOrNothing(target("lines", "Invoice_Line__c", Operation.INSERT).forEach("@.lines")
                .map(element("Name", "@.description")));

        errorsOf(payload).extracting(FieldError::field, FieldError::message).containsExactly(tuple(
                "targets[0].repeatPath", "'@.lines' starts at the current item, but the repeated element is read from "
                        + "the body's root; expected for example $.data.items"));
    }

    @Test
    void errorsNameTheTargetsPlaceInTheListNotInTheRunOrder() {
        Payload payload = allOrNothing(account().order(20).map(element("Name", "nope")),
                target("first", "Contact", Operation.INSERT).order(10).map(element("LastName", "nope")));

        errorsOf(payload).extracting(FieldError::field)
                .containsExactly("targets[1].mappings[0].value", "targets[0].mappings[1].value");
    }

    @Test
    void sameTargetsTwiceAreNamedByTheirOwnPlaces() {
        Payload payload = allOrNothing(account().map(element("Name", "nope")), account().map(element("Name", "nope")));

        errorsOf(payload).extracting(FieldError::field)
                .containsExactly("targets[0].mappings[1].value", "targets[1].mappings[1].value");
    }

    @Test
    void valueSourcesNeedWhatTheyRead() {
        Payload payload = allOrNothing(account().map(
                new FieldMapping("OwnerId", ValueSourceType.LOOKUP, "$.owner", null, null, null, null, null, null),
                new FieldMapping("Site", ValueSourceType.CREDENTIAL, null, " ", null, null, null, null, null),
                new FieldMapping("Name", ValueSourceType.ELEMENT, null, null, null, null, null, null, null),
                new FieldMapping("Type", ValueSourceType.EXPRESSION, null, null, null, null, null, null, null),
                new FieldMapping("Rating", null, "x", null, null, null, null, null, null),
                new FieldMapping("Industry", ValueSourceType.FIELD, "Account.Name", null, null, null, null, null, null),
                new FieldMapping(null, ValueSourceType.STATIC, "x", null, null, null, null, null, null)));

        errorsOf(payload).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("targets[0].mappings[1].reference", "is required: the object to look in, such as Account"),
                tuple("targets[0].mappings[1].lookupMatchField", "is required: the field the value is matched with, "
                        + "such as Stripe_Customer_Id__c"),
                tuple("targets[0].mappings[2].reference", "is required: the credential's API name"),
                tuple("targets[0].mappings[2].value", "is required: the attribute to map, such as accountId"),
                tuple("targets[0].mappings[3].value", "is required: an element path such as $.data.object.id"),
                tuple("targets[0].mappings[4].value", "is required: an expression such as "
                        + "upper($.data.object.currency)"),
                tuple("targets[0].mappings[5].sourceType", "is required; expected ELEMENT, STATIC, EXPRESSION, "
                        + "LOOKUP, CREDENTIAL or TARGET_RESULT"),
                tuple("targets[0].mappings[6].sourceType", "FIELD reads a record for outbound sources; a target maps "
                        + "the payload's elements"),
                tuple("targets[0].mappings[7].field", "is required: the API name of the field to fill, such as Name"));
    }

    @Test
    void aTargetResultComesFromATargetThatRunsBefore() {
        Payload payload = allOrNothing(
                account().order(10).map(idOf("ParentId", "contact")),
                target("contact", "Contact", Operation.INSERT).order(20).map(idOf("AccountId", "account"),
                        idOf("ReportsToId", "nobody"), new FieldMapping("OwnerId", ValueSourceType.TARGET_RESULT,
                                null, null, null, null, null, null, null)));

        errorsOf(payload).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("targets[0].mappings[1].reference", "'contact' is not a target that runs before this one; "
                        + "expected the API name of a target with a lower order"),
                tuple("targets[1].mappings[1].reference", "'nobody' is not a target that runs before this one; "
                        + "expected the API name of a target with a lower order, one of account"),
                tuple("targets[1].mappings[2].reference", "is required: the API name of an earlier target"));
    }

    @Test
    void eachOperationNeedsAWayToItsRecord() {
        Payload payload = allOrNothing(
                target("upsert", "Account", Operation.UPSERT).map(fixed("Name", "x")),
                target("unmapped", "Account", Operation.UPSERT).externalId("AccountNumber").map(fixed("Name", "x")),
                target("missing", "Account", Operation.CREATE_IF_MISSING).map(fixed("Name", "x")),
                target("update", "Account", Operation.UPDATE).map(fixed("Name", "x")),
                target("delete", "Account", Operation.DELETE).map(fixed("Name", "x")),
                target("insert", "Account", Operation.INSERT).map(element("Id", "$.id")),
                target("match", "Account", Operation.UPDATE).matchBy("AccountNumber").map(fixed("Name", "x")),
                target("byExternalId", "Account", Operation.DELETE).externalId("AccountNumber"),
                target("none", "Account", null));

        errorsOf(payload).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("targets[0].externalIdField", "is required: an UPSERT matches its record by an external id "
                        + "field"),
                tuple("targets[1].externalIdField", "'AccountNumber' is not mapped; an UPSERT needs the external "
                        + "id's value"),
                tuple("targets[2].matchFields", "are required: CREATE_IF_MISSING finds its record by match fields"),
                tuple("targets[3].matchFields", "are required: an UPDATE finds its record by a mapped Id or by match "
                        + "fields"),
                tuple("targets[4].matchFields", "are required: a DELETE finds its record by a mapped Id or by match "
                        + "fields or an external id field"),
                tuple("targets[5].mappings", "an INSERT cannot map Id; the org assigns it"),
                tuple("targets[6].matchFields[0]", "'AccountNumber' is not mapped; an UPDATE finds its record by the "
                        + "mapped values of its match fields"),
                tuple("targets[7].externalIdField", "'AccountNumber' is not mapped; a DELETE needs the external id's "
                        + "value"),
                tuple("targets[8].operation", "is required; expected INSERT, UPDATE, UPSERT, CREATE_IF_MISSING or "
                        + "DELETE"));
    }

    @Test
    void fieldNamesMatchInAnyCase() {
        Payload payload = allOrNothing(target("account", "Account", Operation.UPSERT)
                .externalId("stripe_customer_id__c").map(element("Stripe_Customer_Id__c", "$.customer")),
                target("update", "Account", Operation.UPDATE).matchBy("accountnumber")
                        .map(element("AccountNumber", "$.number")),
                target("delete", "Account", Operation.DELETE).map(element("ID", "$.id")));

        assertThat(compiler.compile("stripe", payload).targets()).hasSize(3);
    }

    @Test
    void keepsAPlanUntilThePayloadsVersionChanges() {
        Payload version1 = saved(allOrNothing(account()), 1);
        MappingPlan first = compiler.plan("stripe", version1);

        assertThat(compiler.plan("stripe", saved(allOrNothing(account()), 1))).isSameAs(first);
        assertThat(compiler.pathsCompiled()).isEqualTo(1);

        MappingPlan second = compiler.plan("stripe", saved(allOrNothing(account().map(element("Name", "$.name"))), 2));
        assertThat(second).isNotSameAs(first);
        assertThat(second.readers()).containsKey("$.name");
        assertThat(compiler.plan("stripe", saved(allOrNothing(account()), 2))).isSameAs(second);
        assertThat(compiler.pathsCompiled()).isEqualTo(3);
    }

    @Test
    void comparesAnUnsavedPayloadWhole() {
        MappingPlan first = compiler.plan("stripe", allOrNothing(account()));

        assertThat(compiler.plan("stripe", allOrNothing(account()))).isSameAs(first);
        assertThat(compiler.plan("stripe", allOrNothing(account().map(element("Name", "$.name")))))
                .isNotSameAs(first);
    }

    @Test
    void keepsOnePlanPerIntegrationAndPayload() {
        Payload payload = saved(allOrNothing(account()), 1);
        MappingPlan stripe = compiler.plan("stripe", payload);

        assertThat(compiler.plan("shop", payload)).isNotSameAs(stripe).extracting(MappingPlan::integration)
                .isEqualTo("shop");
        assertThat(compiler.compile("stripe", payload)).as("compile keeps nothing").isNotSameAs(stripe);
        assertThat(compiler.pathsCompiled()).isEqualTo(3);
    }

    @Test
    void compilesNothingWhileMappingAThousandBodies() {
        Payload payload = saved(allOrNothing(account().map(
                computed("Name", "coalesce($.data.object.billing_details.name, $.data.object.customer)"),
                computed("AnnualRevenue", "minorToDecimal($.data.object.amount, $.data.object.currency)"),
                element("AccountNumber", "$.data.object.id"))), 7);
        InMemoryRecordClient org = StripeOrg.client();
        MappingEngine engine = Mappings.engine();
        compiler.plan("stripe", payload);
        long compiled = compiler.pathsCompiled();

        for (int i = 0; i < 1000; i++) {
            JsonNode body = StripeOrg.chargeSucceeded();
            ((ObjectNode) body.at("/data/object")).put("customer", "cus_" + i).put("amount", 100 + i);
            assertThat(engine.run(compiler.plan("stripe", payload), body, org).status())
                    .isEqualTo(JobStatus.COMPLETED);
        }

        assertThat(compiler.pathsCompiled()).isEqualTo(compiled).isEqualTo(5);
        assertThat(org.records("Account")).hasSize(1000);
    }

    @Test
    void refusesFewerThanOnePlan() {
        assertThatThrownBy(() -> new MappingCompiler(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maximumPlans was 0; expected 1 or more");
    }

    @Test
    void reportsEveryErrorAtOnce() {
        Payload payload = allOrNothing(account().when("(").map(element("Name", "x"), credential("Site", null, null)),
                target("contact", "Contact", Operation.UPDATE).map(element("LastName", "@.x")));

        errorsOf(payload).hasSize(6);
        assertThatThrownBy(() -> compiler.plan("stripe", payload)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("6 fields are invalid: targets[0].condition, ");
    }
}
