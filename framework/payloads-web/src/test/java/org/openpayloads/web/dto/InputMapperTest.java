package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.web.json.ApiJson;

class InputMapperTest {

    private static final ObjectMapper MAPPER = new ApiJson().mapper();

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError("bad fixture: " + json, e);
        }
    }

    private static Payload payload(String json) {
        return InputMapper.payload(read(json, PayloadDto.class));
    }

    @Nested
    class Integrations {

        @Test
        void labelDefaultsToApiNameAndActiveToTrue() {
            Integration integration = InputMapper.integration(read("{\"apiName\":\"stripe\"}", IntegrationDto.class));

            assertThat(integration.label()).isEqualTo("stripe");
            assertThat(integration.active()).isTrue();
        }

        @Test
        void keepsWhatIsGiven() {
            Integration integration = InputMapper.integration(read("""
                    {"apiName":"stripe","label":"Stripe","description":"payments","active":false}""",
                    IntegrationDto.class));

            assertThat(integration).extracting(Integration::label, Integration::description, Integration::active)
                    .containsExactly("Stripe", "payments", false);
        }

        @Test
        void ignoresReadOnlyAuditProperties() {
            Integration integration = InputMapper.integration(read("""
                    {"apiName":"stripe","createdBy":"mallory","version":99}""", IntegrationDto.class));

            assertThat(integration.audit().createdBy()).isNull();
            assertThat(integration.audit().version()).isZero();
        }

        @Test
        void aPutWithoutApiNameKeepsTheNameInTheUrl() {
            IntegrationDto dto = read("{\"label\":\"Stripe\"}", IntegrationDto.class).withApiNameOr("stripe");

            assertThat(InputMapper.integration(dto).apiName()).isEqualTo("stripe");
        }
    }

    @Nested
    class Payloads {

        @Test
        void defaultsAnInboundWebhook() {
            Payload payload = payload("{\"apiName\":\"charge\",\"label\":\"Charge\"}");

            assertThat(payload.direction()).isEqualTo(Direction.INBOUND);
            assertThat(payload.kind()).isEqualTo(PayloadKind.API_PUSH);
            assertThat(payload.contentType()).isEqualTo(ContentType.JSON);
            assertThat(payload.allowPartialSuccess()).isFalse();
            assertThat(payload.active()).isTrue();
            assertThat(payload.syncResponse()).isFalse();
            assertThat(payload.auth().type()).isEqualTo(AuthType.NONE);
            assertThat(payload.whenInactive()).isEqualTo(InactiveBehaviour.HOLD);
        }

        @Test
        void infersDirectionFromKind() {
            assertThat(payload("{\"apiName\":\"p\",\"kind\":\"SCHEDULED\"}").direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(payload("{\"apiName\":\"p\",\"kind\":\"POLLING\"}").direction()).isEqualTo(Direction.INBOUND);
        }

        @Test
        void defaultsKindFromDirection() {
            assertThat(payload("{\"apiName\":\"p\",\"direction\":\"OUTBOUND\"}").kind()).isEqualTo(PayloadKind.API_GET);
            assertThat(payload("{\"apiName\":\"p\",\"direction\":\"INBOUND\"}").kind()).isEqualTo(PayloadKind.API_PUSH);
        }

        @Test
        void leavesAMismatchOfKindAndDirectionToTheValidator() {
            Payload payload = payload("{\"apiName\":\"p\",\"direction\":\"INBOUND\",\"kind\":\"API_GET\"}");

            assertThat(payload.direction()).isEqualTo(Direction.INBOUND);
            assertThat(payload.kind()).isEqualTo(PayloadKind.API_GET);
        }

        @Test
        void acceptsAContentTypeByNameOrByMediaType() {
            assertThat(payload("{\"contentType\":\"XML\"}").contentType()).isEqualTo(ContentType.XML);
            assertThat(payload("{\"contentType\":\"application/json\"}").contentType()).isEqualTo(ContentType.JSON);
            assertThat(payload("{\"contentType\":\"text/xml; charset=utf-8\"}").contentType()).isEqualTo(ContentType.XML);
            assertThat(payload("{\"contentType\":\"application/x-www-form-urlencoded\"}").contentType())
                    .isEqualTo(ContentType.FORM_URL_ENCODED);
        }

        @Test
        void anUnknownContentTypeIsAFieldErrorListingTheAllowedOnes() {
            assertThatThrownBy(() -> payload("{\"apiName\":\"p\",\"contentType\":\"YAML\"}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("contentType", "'YAML' is not a content type; expected one of JSON, "
                                    + "FORM_URL_ENCODED, XML, TEXT")));
            assertThatThrownBy(() -> payload("{\"contentType\":\"application/yaml\"}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("contentType", "'application/yaml' is not a content type; expected one of "
                                    + "JSON, FORM_URL_ENCODED, XML, TEXT")));
        }

        @Test
        void collectsEveryEnumErrorOfTheWholeTreeAtOnce() {
            String json = """
                    {"apiName":"p","direction":"SIDEWAYS","kind":"PUSH","contentType":"YAML",
                     "auth":{"type":"OAUTH"},"whenInactive":"DROP","httpMethod":"FETCH",
                     "elements":[{"name":"a","path":"$.a","children":[{"name":"b","path":"$.a.b","dataType":"TEXT"}]}],
                     "targets":[{"apiName":"t","operation":"MERGE","whenPresent":"IGNORE","onTooLong":"CUT",
                                 "mappings":[{"field":"Name","sourceType":"BODY","nullRule":"SKIP"}]}],
                     "sources":[{"apiName":"s","mappings":[{"field":"$.x","sourceType":"RECORD"}]}]}""";

            assertThatThrownBy(() -> payload(json)).isInstanceOfSatisfying(ConfigException.class, e ->
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                            "direction", "kind", "contentType", "auth.type", "whenInactive", "httpMethod",
                            "elements[0].children[0].dataType", "targets[0].operation", "targets[0].whenPresent",
                            "targets[0].onTooLong", "targets[0].mappings[0].sourceType",
                            "targets[0].mappings[0].nullRule",
                            "sources[0].mappings[0].sourceType"));
        }

        @Test
        void enumErrorsNameTheValueAndTheAllowedOnes() {
            assertThatThrownBy(() -> payload("{\"targets\":[{\"operation\":\"MERGE\"}]}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("targets[0].operation", "'MERGE' is not an operation; expected one of "
                                    + "INSERT, UPDATE, UPSERT, CREATE_IF_MISSING, DELETE")));
            assertThatThrownBy(() -> payload("{\"kind\":\"api_push\"}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors().get(0).message())
                            .isEqualTo("'api_push' is not a payload kind; expected one of API_PUSH, RESPONSE_HANDLER, "
                                    + "EMAIL, POLLING, API_GET, RECORD_TRIGGERED, SCHEDULED"));
        }

        @Test
        void anUnknownTooLongRuleIsAFieldErrorListingTheAllowedOnes() {
            assertThatThrownBy(() -> payload("{\"targets\":[{\"apiName\":\"t\"},{\"onTooLong\":\"CUT\"}]}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("targets[1].onTooLong", "'CUT' is not a too-long behaviour; expected one of "
                                    + "TRUNCATE, FAIL")));
            assertThatThrownBy(() -> payload("{\"targets\":[{\"onTooLong\":\"truncate\"}]}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("targets[0].onTooLong", "'truncate' is not a too-long behaviour; expected "
                                    + "one of TRUNCATE, FAIL")));
        }

        @Test
        void nullListItemsAreFieldErrors() {
            assertThatThrownBy(() -> payload("""
                    {"targets":[null,{"apiName":"t","matchFields":["Email",null],"mappings":[null]}],
                     "redactPaths":[null],"elements":[null],"sources":[null]}"""))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactlyInAnyOrder("targets[0]",
                                    "targets[1].matchFields[1]", "targets[1].mappings[0]", "redactPaths[0]",
                                    "elements[0]", "sources[0]"));
        }

        @Test
        void aNullValueInAValueMapIsAFieldError() {
            assertThatThrownBy(() -> payload("""
                    {"targets":[{"mappings":[{"field":"Stage","sourceType":"ELEMENT","valueMap":{"paid":null}}]}]}"""))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("targets[0].mappings[0].valueMap.paid",
                                    "is null; expected the value to translate to")));
        }

        @Test
        void convertsTheWholeTree() {
            Payload payload = payload("""
                    {"apiName":"charge","label":"Charge","auth":{"type":"STRIPE_SIGNATURE","credential":"stripe",
                     "toleranceSeconds":300},"dedupeKey":"$.id","redactPaths":["$.card"],
                     "elements":[{"name":"data","path":"$.data","dataType":"OBJECT","required":true,
                                  "children":[{"name":"id","path":"$.data.id"}]}],
                     "targets":[{"apiName":"account","object":"Account","operation":"UPSERT","externalIdField":"Ext__c",
                                 "onTooLong":"TRUNCATE","mappings":[{"field":"Name","sourceType":"ELEMENT","value":"$.data.name",
                                              "valueMap":{"a":"A"},"nullRule":"CLEAR","defaultValue":"n/a"}]},
                                {"apiName":"contact","object":"Contact","operation":"CREATE_IF_MISSING",
                                 "matchFields":["Email"],"whenPresent":"SKIP","order":5}]}""");

            assertThat(payload.auth().type()).isEqualTo(AuthType.STRIPE_SIGNATURE);
            assertThat(payload.auth().toleranceSeconds()).isEqualTo(300);
            assertThat(payload.redactPaths()).containsExactly("$.card");
            Element data = payload.elements().get(0);
            assertThat(data.dataType()).isEqualTo(DataType.OBJECT);
            assertThat(data.required()).isTrue();
            assertThat(data.repeated()).isFalse();
            assertThat(data.children()).singleElement().satisfies(child -> {
                assertThat(child.dataType()).isEqualTo(DataType.STRING);
                assertThat(child.required()).isFalse();
            });
            Target account = payload.targets().get(0);
            assertThat(account.operation()).isEqualTo(Operation.UPSERT);
            assertThat(account.mappings().get(0).sourceType()).isEqualTo(ValueSourceType.ELEMENT);
            assertThat(account.mappings().get(0).nullRule()).isEqualTo(NullRule.CLEAR);
            assertThat(account.mappings().get(0).valueMap()).containsEntry("a", "A");
            assertThat(account.onTooLong()).isEqualTo(TooLong.TRUNCATE);
            assertThat(payload.targets().get(1).whenPresent()).isEqualTo(WhenPresent.SKIP);
            assertThat(payload.targets().get(1).onTooLong()).isEqualTo(TooLong.FAIL);
        }

        @Test
        void targetsDefaultTheirLabelAndTheirOrderFromTheirPosition() {
            Payload payload = payload("""
                    {"targets":[{"apiName":"first"},{"apiName":"second","label":"Second"},{"apiName":"third","order":7}]}""");

            assertThat(payload.targets()).extracting(Target::label).containsExactly("first", "Second", "third");
            assertThat(payload.targets()).extracting(Target::order).containsExactly(0, 10, 7);
            assertThat(payload.targets().get(0).whenPresent()).isEqualTo(WhenPresent.UPDATE);
            assertThat(payload.targets()).extracting(Target::onTooLong).containsOnly(TooLong.FAIL);
        }

        @Test
        void sourcesDefaultTheirOrderFromTheirPosition() {
            Payload payload = payload("""
                    {"direction":"OUTBOUND","sources":[{"apiName":"a","label":"A"},{"apiName":"b","label":"B"}]}""");

            assertThat(payload.sources()).extracting(Source::order).containsExactly(0, 10);
        }

        @Test
        void payloadsAndSourcesDefaultTheirLabelToTheirApiName() {
            Payload payload = payload("""
                    {"apiName":"accounts","direction":"OUTBOUND","sources":[{"apiName":"a"},{"apiName":"b","label":""}]}""");

            assertThat(payload.label()).isEqualTo("accounts");
            assertThat(payload.sources()).extracting(Source::label).containsExactly("a", "");
        }
    }

    @Nested
    class ExpansionsAndPolling {

        @Test
        void expansionsAreRequiredUnlessMarkedOptional() {
            Payload payload = payload("""
                    {"apiName":"charge","expansions":[
                      {"path":"$.data.object.customer","credential":"stripe","resource":"/v1/customers/{id}",
                       "optional":true},
                      {"path":"$.data.object.invoice","credential":"stripe","resource":"/v1/invoices/{id}"}]}""");

            assertThat(payload.expansions()).containsExactly(
                    new Expansion("$.data.object.customer", "stripe", "/v1/customers/{id}", true),
                    new Expansion("$.data.object.invoice", "stripe", "/v1/invoices/{id}", false));
        }

        @Test
        void anExpansionsMissingPartsAreLeftToTheValidator() {
            assertThat(payload("{\"expansions\":[{}]}").expansions())
                    .containsExactly(new Expansion(null, null, null, false));
            assertThat(payload("{\"apiName\":\"charge\"}").expansions()).isEmpty();
        }

        @Test
        void aNullExpansionIsAFieldError() {
            assertThatThrownBy(() -> payload("{\"expansions\":[{\"path\":\"$.a\"},null]}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("expansions[1]", "is required; expected an object")));
        }

        @Test
        void pollingTakesItsTriggerOptionsAndIntervalWhichDefaultsToFifteenSeconds() {
            Payload payload = payload("""
                    {"apiName":"charge-poll","kind":"POLLING","credential":"stripe",
                     "polling":{"trigger":"new-charge","options":{"expand":"customer"}}}""");

            assertThat(payload.polling()).isEqualTo(new Polling("new-charge", 15, null, Map.of("expand", "customer")));
            assertThat(payload("""
                    {"kind":"POLLING","polling":{"trigger":"new-charge","intervalSeconds":60}}""").polling())
                    .isEqualTo(new Polling("new-charge", 60, null, Map.of()));
            assertThat(payload("{\"kind\":\"POLLING\"}").polling()).isNull();
        }

        @Test
        void aBackfillDateStartsAtMidnightUtc() {
            assertThat(backfillFrom("2026-01-01")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(backfillFrom(" 2026-01-01 ")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }

        @Test
        void aBackfillInstantIsTakenWithItsOffset() {
            assertThat(backfillFrom("2026-01-01T09:30:00Z")).isEqualTo(Instant.parse("2026-01-01T09:30:00Z"));
            assertThat(backfillFrom("2026-01-01T09:30:00.250+02:00"))
                    .isEqualTo(Instant.parse("2026-01-01T07:30:00.250Z"));
        }

        @Test
        void aBlankOrAbsentBackfillStartsFromNow() {
            assertThat(backfillFrom("")).isNull();
            assertThat(backfillFrom("  ")).isNull();
            assertThat(payload("{\"polling\":{\"trigger\":\"t\"}}").polling().backfillFrom()).isNull();
        }

        @Test
        void aBackfillThatIsNeitherADateNorAnInstantIsAnErrorOnItsField() {
            for (String value : List.of("2026-13-01", "01/01/2026", "yesterday", "2026-01-01T09:30:00",
                    "2026-01-01 09:30Z")) {
                assertThatThrownBy(() -> backfillFrom(value))
                        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("polling.backfillFrom", "'" + value + "' is not a date or an instant; "
                                        + "expected for example 2026-01-01 or 2026-01-01T09:30:00Z")));
            }
        }

        @Test
        void aNullOptionIsAnErrorOnItsFieldAndEveryPollingErrorIsReportedAtOnce() {
            assertThatThrownBy(() -> payload("""
                    {"kind":"POLLING","polling":{"trigger":"new-charge","backfillFrom":"soon",
                     "options":{"expand":null,"limit":"10"}}}"""))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::message).containsExactlyInAnyOrder(
                                    tuple("polling.options.expand", "is null; expected a text value, or leave the "
                                            + "option out"),
                                    tuple("polling.backfillFrom", "'soon' is not a date or an instant; expected for "
                                            + "example 2026-01-01 or 2026-01-01T09:30:00Z")));
        }

        private Instant backfillFrom(String value) {
            ObjectNode json = MAPPER.createObjectNode().put("kind", "POLLING");
            json.putObject("polling").put("trigger", "new-charge").put("backfillFrom", value);
            return InputMapper.payload(MAPPER.convertValue(json, PayloadDto.class)).polling().backfillFrom();
        }
    }

    @Nested
    class Parts {

        @Test
        void aTargetAloneGetsTheOrderOfItsPosition() {
            Target target = InputMapper.target(read("{\"apiName\":\"t\"}", TargetDto.class), 3);

            assertThat(target.order()).isEqualTo(30);
            assertThat(target.label()).isEqualTo("t");
        }

        @Test
        void aTargetAloneReportsItsEnumErrorsRelativeToItself() {
            assertThatThrownBy(() -> InputMapper.target(read("{\"operation\":\"x\",\"mappings\":[{\"sourceType\":\"y\"}],"
                    + "\"onTooLong\":\"z\"}", TargetDto.class), 0))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("operation", "mappings[0].sourceType",
                                    "onTooLong"));
        }

        @Test
        void aTargetAloneKeepsItsTooLongRule() {
            Target target = InputMapper.target(read("{\"apiName\":\"t\",\"onTooLong\":\"TRUNCATE\"}", TargetDto.class), 0);

            assertThat(target.onTooLong()).isEqualTo(TooLong.TRUNCATE);
        }

        @Test
        void aSourceAloneGetsTheOrderOfItsPosition() {
            Source source = InputMapper.source(read("{\"apiName\":\"s\",\"label\":\"S\"}", SourceDto.class), 2);

            assertThat(source.order()).isEqualTo(20);
        }

        @Test
        void elementsAloneReportTheirErrorsByIndex() {
            assertThatThrownBy(() -> InputMapper.elements(read("{\"items\":[{\"name\":\"a\",\"dataType\":\"TEXT\"}]}",
                    ElementList.class).items()))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("[0].dataType", "'TEXT' is not a data type; expected one of STRING, NUMBER, "
                                    + "INTEGER, BOOLEAN, DATE, DATETIME, OBJECT, ARRAY")));
        }
    }

    @Nested
    class Credentials {

        @Test
        void aSecretWithAValueIsSetNullRemovesAndAMaskOrAbsenceKeeps() {
            CredentialChange change = InputMapper.credential(read("""
                    {"apiName":"stripe","label":"Stripe","type":"STRIPE",
                     "secrets":{"apiKey":"sk_test_new","webhookSecret":null,"old":"********abcd"}}""",
                    CredentialDto.class));

            assertThat(change.type()).isEqualTo(CredentialType.STRIPE);
            assertThat(change.secretsToSet()).containsExactly(java.util.Map.entry("apiKey", "sk_test_new"));
            assertThat(change.secretsToRemove()).containsExactly("webhookSecret");
        }

        @Test
        void masksAsAClientEchoesThemAreIgnored() {
            CredentialChange change = InputMapper.credential(read("""
                    {"apiName":"k","label":"K","type":"API_KEY","secrets":{"key":"********"}}""", CredentialDto.class));

            assertThat(change.secretsToSet()).isEmpty();
            assertThat(change.secretsToRemove()).isEmpty();
        }

        @Test
        void attributesSetToNullAreLeftOut() {
            CredentialChange change = InputMapper.credential(read("""
                    {"apiName":"k","label":"K","type":"CUSTOM","attributes":{"url":"https://x","region":null}}""",
                    CredentialDto.class));

            assertThat(change.attributes()).containsExactly(java.util.Map.entry("url", "https://x"));
        }

        @Test
        void anUnknownTypeIsAFieldError() {
            assertThatThrownBy(() -> InputMapper.credential(read("{\"type\":\"PASSWORD\"}", CredentialDto.class)))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("type", "'PASSWORD' is not a credential type; expected one of BASIC, API_KEY, "
                                    + "BEARER, OAUTH2_CLIENT_CREDENTIALS, OAUTH2_JWT, SALESFORCE, STRIPE, HMAC_SECRET, "
                                    + "CUSTOM")));
        }

        @Test
        void anAbsentTypeIsLeftToTheValidator() {
            assertThat(InputMapper.credential(read("{\"apiName\":\"k\"}", CredentialDto.class)).type()).isNull();
        }

        @Test
        void aPatchThatSetsASecretToNullRemovesIt() throws Exception {
            CredentialDto current = read("""
                    {"apiName":"k","label":"K","type":"API_KEY","secrets":{"key":"********","other":"********"}}""",
                    CredentialDto.class);
            var patch = MAPPER.readTree("{\"secrets\":{\"key\":null}}");
            CredentialDto merged = new ApiJson().patch(current, patch, CredentialDto.class);

            CredentialChange change = InputMapper.credential(InputMapper.withRemovedSecrets(merged, current, patch));

            assertThat(change.secretsToRemove()).containsExactly("key");
            assertThat(change.secretsToSet()).isEmpty();
        }

        @Test
        void aPatchThatSetsSecretsToNullRemovesThemAll() throws Exception {
            CredentialDto current = read("""
                    {"apiName":"k","label":"K","type":"API_KEY","secrets":{"key":"********","other":"********"}}""",
                    CredentialDto.class);
            var patch = MAPPER.readTree("{\"secrets\":null}");
            CredentialDto merged = new ApiJson().patch(current, patch, CredentialDto.class);

            CredentialChange change = InputMapper.credential(InputMapper.withRemovedSecrets(merged, current, patch));

            assertThat(change.secretsToRemove()).containsExactlyInAnyOrder("key", "other");
        }

        @Test
        void aPatchWithoutSecretsKeepsThem() throws Exception {
            CredentialDto current = read("""
                    {"apiName":"k","label":"K","type":"API_KEY","secrets":{"key":"********"}}""", CredentialDto.class);
            var patch = MAPPER.readTree("{\"label\":\"New\"}");
            CredentialDto merged = new ApiJson().patch(current, patch, CredentialDto.class);

            CredentialChange change = InputMapper.credential(InputMapper.withRemovedSecrets(merged, current, patch));

            assertThat(change.label()).isEqualTo("New");
            assertThat(change.secretsToRemove()).isEmpty();
            assertThat(change.secretsToSet()).isEmpty();
        }
    }
}
