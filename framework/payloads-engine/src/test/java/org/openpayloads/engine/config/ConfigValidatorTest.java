package org.openpayloads.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.config.ModelExamples.account;
import static org.openpayloads.engine.config.ModelExamples.apiCredentials;
import static org.openpayloads.engine.config.ModelExamples.charge;
import static org.openpayloads.engine.config.ModelExamples.chargePoll;
import static org.openpayloads.engine.config.ModelExamples.contact;
import static org.openpayloads.engine.config.ModelExamples.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.HttpMethod;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;

class ConfigValidatorTest {

    private final ConfigValidator validator = new ConfigValidator();

    private static ListAssert<FieldError> assertErrors(List<FieldError> errors) {
        return assertThat(errors);
    }

    private static FieldError only(List<FieldError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Nested
    class Integrations {

        @Test
        void acceptsAValidIntegration() {
            assertThat(validator.validate(ModelExamples.stripe())).isEmpty();
        }

        @Test
        void requiresApiNameAndLabel() {
            assertErrors(validator.validate(new Integration(" ", "", null, true, null)))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("apiName", "is required"),
                            tuple("label", "is required"));
        }

        @Test
        void refusesNamesThatAreNotUrlSafeOrTooLong() {
            FieldError spaces = only(validator.validate(new Integration("my stripe", "x", null, true, null)));
            assertThat(spaces.message()).contains("'my stripe'", "URL-safe");
            FieldError slash = only(validator.validate(new Integration("a/b", "x", null, true, null)));
            assertThat(slash.field()).isEqualTo("apiName");
            FieldError longName = only(validator.validate(new Integration("a".repeat(81), "x", null, true, null)));
            assertThat(longName.message()).isEqualTo("is 81 characters long; expected at most 80");
            assertThat(validator.validate(new Integration("a".repeat(80), "l".repeat(256), "d".repeat(4001), true,
                    null))).extracting(FieldError::field).containsExactly("label", "description");
        }
    }

    @Nested
    class Payloads {

        @Test
        void acceptsTheStripeChargePayload() {
            assertThat(validator.validate(charge(), credentials())).isEmpty();
        }

        @Test
        void requiresDirectionKindAndContentType() {
            Payload bare = new Payload("p", "P", null, null, null, null, false, true, null, null, null, false, null,
                    null, null, null, null, null, null, null, null);
            assertErrors(validator.validate(bare, Set.of())).extracting(FieldError::field)
                    .containsExactly("direction", "kind", "contentType");
        }

        @Test
        void kindMustMatchDirection() {
            Payload mismatched = new Payload("p", "P", null, Direction.INBOUND, PayloadKind.SCHEDULED, ContentType.JSON,
                    false, true, null, null, null, false, null, null, "https://x.test/a", HttpMethod.GET, null, null,
                    null, null, null);
            assertThat(validator.validate(mismatched, Set.of())).extracting(FieldError::field).contains("kind");
        }

        @Test
        void reportsEveryBadElementPathWithItsPosition() {
            Payload payload = charge().withElements(List.of(
                    new Element("data", "$.data", DataType.OBJECT, false, false, List.of(
                            new Element("bad", "$.data.[", DataType.STRING, false, false, List.of()),
                            new Element("outside", "$.other", DataType.STRING, false, false, List.of()))),
                    new Element("relative", "data.id", DataType.STRING, false, false, List.of()),
                    new Element("data", "$.data", DataType.OBJECT, false, false, List.of())));
            assertErrors(validator.validate(payload, credentials())).extracting(FieldError::field)
                    .containsExactly("elements[0].children[0].path", "elements[0].children[1].path",
                            "elements[1].path", "elements[2].name", "elements[2].path");
        }

        @Test
        void authNeedsAnExistingCredential() {
            Payload payload = withAuth(new InboundAuth(AuthType.HMAC, "nope", null, "{timestamp}", "HEXA", -1));
            assertErrors(validator.validate(payload, credentials())).extracting(FieldError::field)
                    .containsExactly("auth.credential", "auth.headerName", "auth.signatureEncoding",
                            "auth.signedContent", "auth.toleranceSeconds");
            assertThat(validator.validate(payload, credentials()).get(0).message())
                    .contains("credential 'nope' does not exist", "stripe-webhook");
        }

        @Test
        void keysMustBePathsOrHeaders() {
            Payload payload = new Payload("charge", "C", null, Direction.INBOUND, PayloadKind.API_PUSH,
                    ContentType.JSON, false, true, null, "id", "header:bad name", false, InactiveBehaviour.REJECT,
                    List.of("$.card.number", "nope"), null, null, null, null, null, null, null);
            assertErrors(validator.validate(payload, Set.of())).extracting(FieldError::field)
                    .containsExactly("dedupeKey", "orderingKey", "redactPaths[1]");
        }

        @Test
        void inboundHasNoSourcesAndOutboundNoTargets() {
            Payload inbound = charge().withSources(List.of(new Source("s", "S", 0, "Account", null, null, null)));
            assertThat(validator.validate(inbound, credentials())).extracting(FieldError::field).contains("sources");
            Payload outbound = new Payload("get", "Get", null, Direction.OUTBOUND, PayloadKind.API_GET,
                    ContentType.JSON, false, true, null, null, null, false, null, null, null, null, null, null,
                    List.of(account()), null, null);
            assertThat(validator.validate(outbound, Set.of())).extracting(FieldError::field).contains("targets");
        }

        @Test
        void outboundCallsNeedAnAbsoluteUrlAndAMethod() {
            Payload call = outbound(PayloadKind.RECORD_TRIGGERED, "api.stripe.com/v1/customers", null, "nope");
            assertErrors(validator.validate(call, Set.of("stripe"))).extracting(FieldError::field)
                    .containsExactly("endpointUrl", "httpMethod", "credential");
            Payload good = outbound(PayloadKind.RECORD_TRIGGERED, "https://api.stripe.com/v1/customers/{Id}",
                    HttpMethod.POST, "stripe");
            assertThat(validator.validate(good, Set.of("stripe"))).isEmpty();
            Payload get = outbound(PayloadKind.API_GET, "https://x.test", null, null);
            assertThat(validator.validate(get, Set.of())).extracting(FieldError::field).containsExactly("endpointUrl");
        }

        @Test
        void sourcesAreCheckedWithTheirMappings() {
            Source bad = new Source("accounts", "Accounts", 0, "Account", "Name != null", "SELECT Id FROM Account",
                    List.of(new FieldMapping("$.name", ValueSourceType.FIELD, "Account.Name", null, null, null, null,
                            null, null),
                            new FieldMapping("not a path", ValueSourceType.ELEMENT, "$.x", null, null, null, null,
                                    null, null)));
            Payload payload = outbound(PayloadKind.API_GET, null, null, null).withSources(List.of(bad));
            assertErrors(validator.validate(payload, Set.of())).extracting(FieldError::field)
                    .containsExactly("sources[0].query", "sources[0].mappings[1].field",
                            "sources[0].mappings[1].sourceType");
        }

        private Payload withAuth(InboundAuth auth) {
            Payload c = charge();
            return new Payload(c.apiName(), c.label(), null, c.direction(), c.kind(), c.contentType(), false, true,
                    auth, null, null, false, null, null, null, null, null, c.elements(), c.targets(), null, null);
        }

        private Payload outbound(PayloadKind kind, String url, HttpMethod method, String credential) {
            return new Payload("out", "Out", null, Direction.OUTBOUND, kind, ContentType.FORM_URL_ENCODED, false, true,
                    null, null, null, false, null, null, url, method, credential, null, null, null, null);
        }
    }

    @Nested
    class Expansions {

        private static final Expansion CUSTOMER = new Expansion("$.data.object.customer", "stripe-api",
                "/v1/customers/{id}", true);

        @Test
        void acceptsExpansionsOfNamedPathsThroughAnExistingCredential() {
            Expansion invoice = new Expansion("$.data.object.invoice", "stripe-api", "/v1/invoices/{id}");

            assertThat(validator.validate(withExpansions(CUSTOMER, invoice), apiCredentials())).isEmpty();
        }

        @Test
        void requiresThePathTheCredentialAndTheResource() {
            assertErrors(validator.validate(withExpansions(new Expansion(null, " ", ""),
                    new Expansion("$.data.object.invoice", null, null)), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("expansions[0].path", "is required"),
                            tuple("expansions[0].credential", "is required"),
                            tuple("expansions[0].resource", "is required"),
                            tuple("expansions[1].credential", "is required"),
                            tuple("expansions[1].resource", "is required"));
        }

        @Test
        void aPathIsNamesFromTheRootWithoutFiltersWildcardsOrIndexes() {
            List<String> paths = List.of("$.data.object.lines[0].price", "$..customer", "$.data.*.customer",
                    "data.object.customer", "@.customer", "$", "$['data']['customer']", "$.data.object.");

            List<FieldError> errors = validator.validate(withExpansions(paths.stream()
                    .map(path -> new Expansion(path, "stripe-api", "/v1/customers/{id}")).toArray(Expansion[]::new)),
                    apiCredentials());

            assertThat(errors).extracting(FieldError::field).containsExactly("expansions[0].path",
                    "expansions[1].path", "expansions[2].path", "expansions[3].path", "expansions[4].path",
                    "expansions[5].path", "expansions[6].path", "expansions[7].path");
            assertThat(errors.get(0).message()).isEqualTo("'$.data.object.lines[0].price' is not a path of names "
                    + "from the root; expected for example $.data.object.customer (no filters, wildcards or array "
                    + "indexes)");
        }

        @Test
        void aPathIsExpandedOnce() {
            assertThat(validator.validate(withExpansions(CUSTOMER, CUSTOMER), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("expansions[1].path", "'$.data.object.customer' is expanded twice; "
                            + "expected each path once"));
        }

        @Test
        void theCredentialMustExistInTheIntegration() {
            Expansion unknown = new Expansion("$.data.object.customer", "stripe-live", "/v1/customers/{id}");

            FieldError error = only(validator.validate(withExpansions(unknown), apiCredentials()));

            assertThat(error.field()).isEqualTo("expansions[0].credential");
            assertThat(error.message()).isEqualTo("credential 'stripe-live' does not exist in this integration; "
                    + "expected one of stripe-api, stripe-webhook");
        }

        @Test
        void theResourceIsAnAbsolutePathWithOnePlaceholderAndNoQuery() {
            List<String> resources = List.of("/v1/customers", "v1/customers/{id}", "/v1/{a}/x/{b}",
                    "/v1/customers/{id}?expand[]=sources", "https://api.stripe.com/v1/customers/{id}",
                    "/v1/customers/{id}#top");

            List<FieldError> errors = validator.validate(withExpansions(resources.stream()
                    .map(resource -> new Expansion("$.data.object.c" + resources.indexOf(resource), "stripe-api",
                            resource)).toArray(Expansion[]::new)), apiCredentials());

            assertThat(errors).extracting(FieldError::field).containsExactly("expansions[0].resource",
                    "expansions[1].resource", "expansions[2].resource", "expansions[3].resource",
                    "expansions[4].resource", "expansions[5].resource");
            assertThat(errors.get(0).message()).isEqualTo("'/v1/customers' is not a resource path template; "
                    + "expected an absolute path with one placeholder for the id, such as /v1/customers/{id}");
        }

        private Payload withExpansions(Expansion... expansions) {
            Payload c = charge();
            return new Payload(c.apiName(), c.label(), c.description(), c.direction(), c.kind(), c.contentType(),
                    c.allowPartialSuccess(), c.active(), c.auth(), c.dedupeKey(), c.orderingKey(), c.syncResponse(),
                    c.whenInactive(), c.redactPaths(), c.endpointUrl(), c.httpMethod(), c.credential(), c.elements(),
                    c.targets(), c.sources(), List.of(expansions), null, c.audit());
        }
    }

    @Nested
    class PollingPayloads {

        private static final Polling NEW_CHARGE = new Polling("new-charge", 15, null, Map.of());

        @Test
        void acceptsAPollingPayload() {
            assertThat(validator.validate(chargePoll(), apiCredentials())).isEmpty();
            Polling backfilled = new Polling("new-charge", 60, Instant.parse("2026-01-01T00:00:00Z"),
                    Map.of("expand", "customer"));
            assertThat(validator.validate(chargePoll(backfilled), apiCredentials())).isEmpty();
        }

        @Test
        void onlyAPollingPayloadPolls() {
            Payload c = charge();
            Payload pushWithPolling = new Payload(c.apiName(), c.label(), null, c.direction(), c.kind(),
                    c.contentType(), false, true, c.auth(), c.dedupeKey(), c.orderingKey(), false, null, null, null,
                    null, null, c.elements(), c.targets(), null, null, NEW_CHARGE, null);

            assertThat(validator.validate(pushWithPolling, credentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("polling", "only POLLING payloads poll; remove polling, or set kind "
                            + "POLLING"));
        }

        @Test
        void aPollingPayloadNeedsItsPolling() {
            assertThat(validator.validate(polling(InboundAuth.NONE, "$.id", "stripe-api", null), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("polling", "is required for a POLLING payload: the trigger, such as "
                            + "new-charge, and its interval"));
        }

        @Test
        void aPollingPayloadNeedsAnExistingCredential() {
            assertThat(validator.validate(polling(InboundAuth.NONE, "$.id", null, NEW_CHARGE), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("credential", "is required"));
            assertThat(validator.validate(polling(InboundAuth.NONE, "$.id", " ", NEW_CHARGE), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("credential", "is required"));
            FieldError unknown = only(validator.validate(polling(InboundAuth.NONE, "$.id", "nope", NEW_CHARGE),
                    apiCredentials()));
            assertThat(unknown.field()).isEqualTo("credential");
            assertThat(unknown.message()).startsWith("credential 'nope' does not exist in this integration");
        }

        @Test
        void aPollingPayloadNeedsADedupeKeySoThatAnItemFoundTwiceRunsOnce() {
            assertThat(validator.validate(polling(InboundAuth.NONE, null, "stripe-api", NEW_CHARGE), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("dedupeKey", "is required for a POLLING payload: the item's id, such as "
                            + "$.id, so that an item found twice runs once"));
        }

        @Test
        void aPollingPayloadsKeysAreReadFromTheItemWhichHasNoHeaders() {
            Payload p = chargePoll();
            Payload headerKeys = new Payload(p.apiName(), p.label(), null, p.direction(), p.kind(), p.contentType(),
                    false, true, InboundAuth.NONE, "header:Idempotency-Key", "HEADER:X-Customer", false, null, null,
                    null, null, p.credential(), null, p.targets(), null, null, p.polling(), null);

            assertThat(validator.validate(headerKeys, apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(
                            tuple("dedupeKey", "'header:Idempotency-Key' reads a request header, but a polled item "
                                    + "comes without headers; expected an element path of the item, such as $.id"),
                            tuple("orderingKey", "'HEADER:X-Customer' reads a request header, but a polled item "
                                    + "comes without headers; expected an element path of the item, such as $.id"));
            assertThat(validator.validate(charge(), credentials())).as("a webhook's keys may read headers").isEmpty();
        }

        @Test
        void aPollingPayloadTakesNoPostSoItChecksNoCaller() {
            InboundAuth apiKey = new InboundAuth(AuthType.API_KEY, "stripe-webhook", "X-Api-Key", null, null, null);

            assertThat(validator.validate(polling(apiKey, "$.id", "stripe-api", NEW_CHARGE), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("auth", "a POLLING payload fetches its items and takes no POST; expected "
                            + "auth NONE"));
        }

        @Test
        void everyProblemOfAPollingPayloadIsReportedAtOnce() {
            InboundAuth hmac = new InboundAuth(AuthType.HMAC, "stripe-webhook", "X-Sig", null, null, null);

            assertThat(validator.validate(polling(hmac, null, null, null), apiCredentials()))
                    .extracting(FieldError::field).containsExactly("polling", "credential", "dedupeKey", "auth");
        }

        @Test
        void theTriggerIsRequiredAndNamedInLowerCaseWithDashes() {
            assertThat(validator.validate(chargePoll(new Polling(null, 15, null, Map.of())), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("polling.trigger", "is required"));
            assertThat(validator.validate(chargePoll(new Polling(" ", 15, null, Map.of())), apiCredentials()))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("polling.trigger", "is required"));
            for (String name : List.of("New-Charge", "new_charge", "new charge", "1-charge", "-charge", "charge!")) {
                FieldError error = only(validator.validate(chargePoll(new Polling(name, 15, null, Map.of())),
                        apiCredentials()));
                assertThat(error.field()).isEqualTo("polling.trigger");
                assertThat(error.message()).isEqualTo("'" + name + "' is not a trigger name; expected lower-case "
                        + "letters, digits and dashes, such as new-charge");
            }
            assertThat(validator.validate(chargePoll(new Polling("charge-2", 15, null, Map.of())), apiCredentials()))
                    .isEmpty();
        }

        @Test
        void theIntervalIsOneSecondToOneDay() {
            for (int seconds : List.of(0, -1, 86_401)) {
                FieldError error = only(validator.validate(chargePoll(new Polling("new-charge", seconds, null,
                        Map.of())), apiCredentials()));
                assertThat(error.field()).isEqualTo("polling.intervalSeconds");
                assertThat(error.message()).isEqualTo("is " + seconds + "; expected 1 to 86400 seconds");
            }
            for (int seconds : List.of(1, 86_400)) {
                assertThat(validator.validate(chargePoll(new Polling("new-charge", seconds, null, Map.of())),
                        apiCredentials())).isEmpty();
            }
        }

        @Test
        void theTriggerAndTheIntervalAreCheckedTogether() {
            assertThat(validator.validate(chargePoll(new Polling("New", 0, null, Map.of())), apiCredentials()))
                    .extracting(FieldError::field).containsExactly("polling.trigger", "polling.intervalSeconds");
        }

        private Payload polling(InboundAuth auth, String dedupeKey, String credential, Polling polling) {
            Payload p = chargePoll();
            return new Payload(p.apiName(), p.label(), null, p.direction(), p.kind(), p.contentType(), false, true,
                    auth, dedupeKey, p.orderingKey(), false, null, null, null, null, credential, p.elements(),
                    p.targets(), null, null, polling, null);
        }
    }

    @Nested
    class Targets {

        @Test
        void upsertNeedsAnExternalIdField() {
            Target t = target(Operation.UPSERT, null, List.of(), account().mappings());
            assertThat(errorsOf(t)).extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("targets[0].externalIdField", "is required"));
        }

        @Test
        void createIfMissingNeedsMatchFields() {
            Target t = target(Operation.CREATE_IF_MISSING, null, List.of(), account().mappings());
            assertThat(errorsOf(t)).extracting(FieldError::field).containsExactly("targets[0].matchFields");
        }

        @Test
        void updateNeedsTheRecord() {
            assertThat(errorsOf(target(Operation.UPDATE, null, List.of(), account().mappings())))
                    .extracting(FieldError::field).containsExactly("targets[0].matchFields");
            List<FieldMapping> withId = List.of(FieldMapping.element("Id", "$.id"));
            assertThat(errorsOf(target(Operation.UPDATE, null, List.of(), withId))).isEmpty();
            assertThat(errorsOf(target(Operation.INSERT, "Ext__c", List.of(), withId)))
                    .extracting(FieldError::field).containsExactly("targets[0].externalIdField", "targets[0].mappings");
        }

        @Test
        void checksEverySourceTypeOfMapping() {
            List<FieldMapping> mappings = List.of(
                    new FieldMapping("A", ValueSourceType.ELEMENT, "no-path", null, null, null, null, null, null),
                    new FieldMapping("B", ValueSourceType.STATIC, null, null, null, null, null, null, null),
                    new FieldMapping("C", ValueSourceType.EXPRESSION, " ", null, null, null, null, null, null),
                    new FieldMapping("D", ValueSourceType.LOOKUP, "$.customer", "Account", null, "Id", null, null,
                            null),
                    new FieldMapping("E", ValueSourceType.CREDENTIAL, "accountId", "missing", null, null, null,
                            null, null),
                    new FieldMapping("F", ValueSourceType.TARGET_RESULT, "id", "later", null, null, null, null,
                            null),
                    new FieldMapping("G", ValueSourceType.FIELD, "Name", null, null, null, null, null, null),
                    new FieldMapping("H", null, "x", null, "Name", null, null, null, null),
                    new FieldMapping("A", ValueSourceType.STATIC, "", null, null, null, NullRule.CLEAR, Map.of(),
                            null),
                    new FieldMapping("bad field", ValueSourceType.STATIC, "x", null, null, null, null, null, null));
            Target t = target(Operation.INSERT, null, List.of(), mappings);
            assertThat(errorsOf(t)).extracting(FieldError::field).containsExactly(
                    "targets[0].mappings[0].value",
                    "targets[0].mappings[1].value",
                    "targets[0].mappings[2].value",
                    "targets[0].mappings[3].lookupMatchField",
                    "targets[0].mappings[4].reference",
                    "targets[0].mappings[5].reference",
                    "targets[0].mappings[6].sourceType",
                    "targets[0].mappings[7].sourceType",
                    "targets[0].mappings[8].field",
                    "targets[0].mappings[9].field");
        }

        @Test
        void targetResultsMustComeFromAnEarlierTarget() {
            Target first = contact();
            Target reordered = new Target(first.apiName(), first.label(), 5, first.object(), first.operation(), null,
                    first.matchFields(), WhenPresent.SKIP, null, null, first.mappings());
            Payload payload = charge().withTargets(List.of(account(), reordered));
            assertThat(validator.validate(payload, credentials())).extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("targets[1].mappings[1].reference",
                            "'account' is not an earlier target of this payload; expected the API name of a target "
                                    + "with a lower order"));
        }

        @Test
        void matchFieldsAndTheExternalIdMustBeMappedWhenSaved() {
            Target update = new Target("u", "U", 10, "Contact", Operation.UPDATE, null, List.of("Email"), null, null,
                    null, List.of(FieldMapping.element("LastName", "$.name")));
            Target upsert = new Target("a", "A", 20, "Account", Operation.UPSERT, "Ext__c", List.of(), null, null,
                    null, List.of(FieldMapping.element("Name", "$.name")));
            Target insert = new Target("i", "I", 30, "Account", Operation.INSERT, null, List.of(), null, null, null,
                    List.of(FieldMapping.element("Id", "$.id")));
            Payload payload = charge().withTargets(List.of(update, upsert, insert));

            assertThat(validator.validate(payload, credentials())).extracting(FieldError::field, FieldError::message)
                    .containsExactly(
                            tuple("targets[0].matchFields[0]", "'Email' is not mapped; UPDATE finds its record by the "
                                    + "mapped values of its match fields"),
                            tuple("targets[1].externalIdField", "'Ext__c' is not mapped; UPSERT needs the external "
                                    + "id's value from a mapping"),
                            tuple("targets[2].mappings", "an INSERT cannot map Id; the org assigns it"));
        }

        @Test
        void targetApiNamesAreUnique() {
            Payload payload = charge().withTargets(List.of(account(), account()));
            assertThat(validator.validate(payload, credentials())).extracting(FieldError::field)
                    .containsExactly("targets[1].apiName");
        }

        @Test
        void objectAndFieldNamesFollowSalesforceRules() {
            Target t = new Target("t", "T", -1, "Bad Object", null, null, List.of("9x"), null, " ", "nope", List.of());
            assertThat(errorsOf(t)).extracting(FieldError::field).containsExactly("targets[0].order",
                    "targets[0].object", "targets[0].operation", "targets[0].matchFields[0]", "targets[0].condition",
                    "targets[0].repeatPath");
        }

        @Test
        void aBadExpressionIsAnErrorOnItsFieldWhenSaved() {
            Target t = new Target("t", "T", 10, "Account", Operation.INSERT, null, List.of(), null,
                    "$.data.object.paid ==", null, List.of(
                    new FieldMapping("Name", ValueSourceType.EXPRESSION, "upper($.data.object.name", null, null, null,
                            null, null, null),
                    new FieldMapping("Site", ValueSourceType.EXPRESSION, "shout($.x)", null, null, null, null, null,
                            null),
                    new FieldMapping("Description", ValueSourceType.EXPRESSION, "concat($.a.., 'x')", null, null, null,
                            null, null, null),
                    new FieldMapping("Type", ValueSourceType.EXPRESSION, "upper($.data.object.type)", null, null,
                            null, null, null, null)));

            List<FieldError> errors = errorsOf(t);

            assertThat(errors).extracting(FieldError::field).containsExactly("targets[0].condition",
                    "targets[0].mappings[0].value", "targets[0].mappings[1].value", "targets[0].mappings[2].value");
            assertThat(errors).extracting(FieldError::message).satisfiesExactly(
                    m -> assertThat(m).isEqualTo("expected a value, a path, a function call or '(' at column 22, "
                            + "found end of expression"),
                    m -> assertThat(m).isEqualTo("expected ',' or ')' at column 25"),
                    m -> assertThat(m).startsWith("unknown function 'shout' at column 1; expected one of "),
                    m -> assertThat(m).contains("'$.a..' is not a valid JSONPath"));
        }

        @Test
        void aSourcesExpressionIsCompiledToo() {
            Source source = new Source("accounts", "Accounts", 0, "Account", null, null, List.of(
                    new FieldMapping("$.name", ValueSourceType.EXPRESSION, "upper(", null, null, null, null, null,
                            null)));
            Payload payload = new Payload("out", "Out", null, Direction.OUTBOUND, PayloadKind.API_GET,
                    ContentType.JSON, false, true, null, null, null, false, null, null, null, null, null, null, null,
                    List.of(source), null);

            assertThat(validator.validate(payload, Set.of())).extracting(FieldError::field)
                    .containsExactly("sources[0].mappings[0].value");
        }

        @Test
        void anItemPathNeedsARepeatedTarget() {
            List<FieldMapping> mappings = List.of(FieldMapping.element("Name", "@.name"),
                    new FieldMapping("Site", ValueSourceType.EXPRESSION, "concat($.data.id, @.site)", null, null,
                            null, null, null, null),
                    new FieldMapping("OwnerId", ValueSourceType.LOOKUP, "@['owner-email']", "User", "Email", null,
                            null, null, null),
                    FieldMapping.element("AccountNumber", "$.data.object.id"));
            Target single = new Target("t", "T", 10, "Account", Operation.INSERT, null, List.of(), null, "@.active",
                    null, mappings);
            Target repeated = new Target("t", "T", 10, "Account", Operation.INSERT, null, List.of(), null,
                    "@.active", "$.data.items", mappings);

            assertThat(errorsOf(single)).extracting(FieldError::field, FieldError::message).containsExactly(
                    tuple("targets[0].condition", "'@.active' reads the current item, "
                            + "but this target has no repeatPath; expected a path from the body's root, such as "
                            + "$.active"),
                    tuple("targets[0].mappings[0].value", "'@.name' reads the current "
                            + "item, but this target has no repeatPath; expected a path from the body's root, such "
                            + "as $.name"),
                    tuple("targets[0].mappings[1].value", "'@.site' reads the current "
                            + "item, but this target has no repeatPath; expected a path from the body's root, such "
                            + "as $.site"),
                    tuple("targets[0].mappings[2].value", "'@['owner-email']' reads "
                            + "the current item, but this target has no repeatPath; expected a path from the body's "
                            + "root, such as $['owner-email']"));
            assertThat(errorsOf(repeated)).isEmpty();
        }

        @Test
        void aRepeatPathStartsAtTheBodysRoot() {
            Target t = new Target("t", "T", 10, "Account", Operation.INSERT, null, List.of(), null, null, "@.items",
                    List.of(FieldMapping.element("Name", "@.name")));

            assertThat(errorsOf(t)).extracting(FieldError::field, FieldError::message).containsExactly(
                    tuple("targets[0].repeatPath", "'@.items' starts at the current "
                            + "item, but the repeated element is read from the body's root; expected for example "
                            + "$.data.items"));
        }

        private List<FieldError> errorsOf(Target target) {
            return validator.validate(charge().withTargets(List.of(target)), credentials());
        }

        private Target target(Operation op, String externalId, List<String> matchFields, List<FieldMapping> mappings) {
            return new Target("t", "T", 10, "Account", op, externalId, matchFields, null, null, null, mappings);
        }
    }

    @Nested
    class Credentials {

        @Test
        void acceptsAStripeCredential() {
            assertThat(validator.validate(ModelExamples.stripeCredential(), Set.of())).isEmpty();
        }

        @Test
        void requiresTheTypesRequiredAttributesAndSecrets() {
            CredentialChange basic = new CredentialChange("b", "B", CredentialType.BASIC, Map.of(), Map.of(), Set.of());
            assertThat(validator.validate(basic, Set.of())).extracting(FieldError::field)
                    .containsExactly("attributes.username", "secrets.password");
        }

        @Test
        void aStoredSecretNeedNotBeSentAgainUnlessRemoved() {
            CredentialChange basic = new CredentialChange("b", "B", CredentialType.BASIC, Map.of("username", "u"),
                    Map.of(), Set.of());
            assertThat(validator.validate(basic, Set.of("password"))).isEmpty();
            CredentialChange removing = new CredentialChange("b", "B", CredentialType.BASIC, Map.of("username", "u"),
                    Map.of(), Set.of("password"));
            assertThat(validator.validate(removing, Set.of("password"))).extracting(FieldError::field)
                    .containsExactly("secrets.password");
        }

        @Test
        void secretsBelongUnderSecrets() {
            CredentialChange misplaced = new CredentialChange("b", "B", CredentialType.BASIC,
                    Map.of("username", "u", "password", "hunter22"), Map.of("username", "u2"), Set.of());
            List<FieldError> errors = validator.validate(misplaced, Set.of());
            assertThat(errors).extracting(FieldError::field)
                    .contains("attributes.password", "secrets.username");
            assertThat(errors).extracting(FieldError::message).noneMatch(m -> m.contains("hunter22"));
        }

        @Test
        void unknownAttributesAndBadTypesAreNamed() {
            CredentialChange oauth = new CredentialChange("o", "O", CredentialType.OAUTH2_CLIENT_CREDENTIALS,
                    Map.of("tokenUrl", "not-a-url", "clientId", "id", "colour", "red"), Map.of("clientSecret", "s"),
                    Set.of());
            assertThat(validator.validate(oauth, Set.of())).extracting(FieldError::field)
                    .containsExactly("attributes.tokenUrl", "attributes.colour");
        }

        @Test
        void customAcceptsAnything() {
            CredentialChange custom = new CredentialChange("c", "C", CredentialType.CUSTOM, Map.of("a", "1"),
                    Map.of("b", "2"), Set.of());
            assertThat(validator.validate(custom, Set.of())).isEmpty();
        }

        @Test
        void requiresAType() {
            CredentialChange typeless = new CredentialChange("c", "C", null, Map.of(), Map.of(), Set.of());
            assertThat(validator.validate(typeless, Set.of())).extracting(FieldError::field).containsExactly("type");
        }
    }
}
