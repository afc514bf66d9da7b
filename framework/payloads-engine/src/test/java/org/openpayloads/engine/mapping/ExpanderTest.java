package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.port.ExternalApis;

/** The expander over a recording API: which ids it reads, what it puts in their place, and what it leaves. */
class ExpanderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Expansion CUSTOMER = new Expansion("$.data.object.customer", "stripe", "/v1/customers/{id}");
    private static final Expansion OPTIONAL_CUSTOMER = new Expansion("$.data.object.customer", "stripe",
            "/v1/customers/{id}", true);

    private final RecordingApis apis = new RecordingApis();
    private final Expander expander = new Expander(apis);

    @Test
    void anIdIsReplacedByTheResourceItNamesAndTheBodyGivenIsLeftAsItWas() {
        apis.answer("/v1/customers/cus_1", """
                {"id": "cus_1", "email": "ada@example.com"}""");
        JsonNode body = json("""
                {"id": "evt_1", "data": {"object": {"id": "ch_1", "customer": "cus_1"}}}""");
        JsonNode before = body.deepCopy();

        JsonNode expanded = expander.expand("shop", payload(CUSTOMER), body);

        assertThat(expanded.at("/data/object/customer")).isEqualTo(json("""
                {"id": "cus_1", "email": "ada@example.com"}"""));
        assertThat(expanded.at("/data/object/id").asText()).isEqualTo("ch_1");
        assertThat(expanded.path("id").asText()).isEqualTo("evt_1");
        assertThat(body).isEqualTo(before);
        assertThat(apis.calls).containsExactly("shop stripe /v1/customers/cus_1");
    }

    @Test
    void anObjectTheSenderExpandedAlreadyIsKeptWithoutACall() {
        JsonNode body = json("""
                {"data": {"object": {"customer": {"id": "cus_1", "email": "ada@example.com"}}}}""");

        JsonNode expanded = expander.expand("shop", payload(CUSTOMER), body);

        assertThat(expanded).isSameAs(body);
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void aNullOrMissingValueIsLeftAlone() {
        JsonNode nullCustomer = json("""
                {"data": {"object": {"customer": null}}}""");
        JsonNode noCustomer = json("""
                {"data": {"object": {"id": "ch_1"}}}""");
        JsonNode noParent = json("""
                {"data": {}}""");
        JsonNode parentNotAnObject = json("""
                {"data": {"object": ["cus_1"]}}""");

        for (JsonNode body : List.of(nullCustomer, noCustomer, noParent, parentNotAnObject)) {
            assertThat(expander.expand("shop", payload(CUSTOMER), body)).isSameAs(body);
        }
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectIsLeftAlone() {
        JsonNode array = json("[\"cus_1\"]");

        assertThat(expander.expand("shop", payload(CUSTOMER), array)).isSameAs(array);
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void aNumberIsAnIdToo() {
        apis.answer("/v1/customers/42", "{\"id\": 42}");
        JsonNode body = json("""
                {"data": {"object": {"customer": 42}}}""");

        JsonNode expanded = expander.expand("shop", payload(CUSTOMER), body);

        assertThat(expanded.at("/data/object/customer/id").asInt()).isEqualTo(42);
        assertThat(apis.calls).containsExactly("shop stripe /v1/customers/42");
    }

    @Test
    void anIdIsPercentEncodedSoThatItCannotAddAPathSegmentOrAQuery() {
        apis.answer("/v1/customers/cus%201%2Fx%3Fa%3D1", "{}");

        expander.expand("shop", payload(CUSTOMER), json("""
                {"data": {"object": {"customer": "cus 1/x?a=1"}}}"""));

        assertThat(apis.calls).containsExactly("shop stripe /v1/customers/cus%201%2Fx%3Fa%3D1");
    }

    @Test
    void anArrayOrABooleanIsNoIdAndTheErrorNamesThePath() {
        JsonNode array = json("""
                {"data": {"object": {"customer": ["cus_1"]}}}""");
        JsonNode bool = json("""
                {"data": {"object": {"customer": true}}}""");

        assertThatThrownBy(() -> expander.expand("shop", payload(CUSTOMER), array))
                .isInstanceOf(MappingException.class)
                .hasMessage("expansion of $.data.object.customer: the value is array; expected an id, or the object "
                        + "already expanded");
        assertThatThrownBy(() -> expander.expand("shop", payload(OPTIONAL_CUSTOMER), bool))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("$.data.object.customer")
                .hasMessageContaining("the value is boolean");
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void anIdThatWouldLeaveTheResourcesPathIsAMappingError() {
        for (String id : List.of("..", ".", " ")) {
            JsonNode body = JSON.createObjectNode().set("data", JSON.createObjectNode().set("object",
                    JSON.createObjectNode().put("customer", id)));

            assertThatThrownBy(() -> expander.expand("shop", payload(CUSTOMER), body))
                    .isInstanceOf(MappingException.class)
                    .hasMessageStartingWith("expansion of $.data.object.customer: ")
                    .hasMessageContaining("id was '" + id + "'");
        }
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void anOptionalExpansionKeepsAnIdNoResourceCanHave() {
        JsonNode body = JSON.createObjectNode().set("data", JSON.createObjectNode().set("object",
                JSON.createObjectNode().put("customer", "..")));
        Payload optional = payload(new Expansion("$.data.object.customer", "stripe", "/v1/customers/{id}", true));

        assertThat(expander.expand("shop", optional, body)).isSameAs(body);
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void anOptionalExpansionKeepsTheIdWhenTheApiRefusesOrTheCredentialCannotCall() {
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_gone"}}}""");
        apis.fail("/v1/customers/cus_gone", new MappingException("Stripe answered 404: No such customer"));

        assertThat(expander.expand("shop", payload(OPTIONAL_CUSTOMER), body)).isSameAs(body);

        apis.fail("/v1/customers/cus_gone", new ConfigException("credential", "'stripe' has no secretKey"));

        assertThat(expander.expand("shop", payload(OPTIONAL_CUSTOMER), body)).isSameAs(body);
        assertThat(body.at("/data/object/customer").asText()).isEqualTo("cus_gone");
        assertThat(apis.calls).hasSize(2);
    }

    @Test
    void aRequiredExpansionFailsWithTheApisRefusalOrTheCredentialsProblem() {
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_gone"}}}""");
        MappingException refused = new MappingException("Stripe answered 404: No such customer");
        apis.fail("/v1/customers/cus_gone", refused);

        assertThatThrownBy(() -> expander.expand("shop", payload(CUSTOMER), body)).isSameAs(refused);

        ConfigException cannotCall = new ConfigException("credential", "'stripe' has no secretKey");
        apis.fail("/v1/customers/cus_gone", cannotCall);

        assertThatThrownBy(() -> expander.expand("shop", payload(CUSTOMER), body)).isSameAs(cannotCall);
    }

    @Test
    void anUnavailableApiHasTheJobRetriedEvenWhenTheExpansionIsOptional() {
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_1"}}}""");
        RetriableException unavailable = new RetriableException("Stripe answered 503");
        apis.fail("/v1/customers/cus_1", unavailable);

        assertThatThrownBy(() -> expander.expand("shop", payload(OPTIONAL_CUSTOMER), body)).isSameAs(unavailable);
        assertThatThrownBy(() -> expander.expand("shop", payload(CUSTOMER), body)).isSameAs(unavailable);
    }

    @Test
    void expansionsApplyInOrderSoThatALaterOneReadsInsideAnEarlierOnesResource() {
        apis.answer("/v1/customers/cus_1", """
                {"id": "cus_1", "default_source": "card_1"}""");
        apis.answer("/v1/customers/cus_1/sources/card_1", """
                {"id": "card_1", "brand": "visa"}""");
        Expansion source = new Expansion("$.data.object.customer.default_source", "stripe",
                "/v1/customers/cus_1/sources/{id}");
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_1"}}}""");

        JsonNode expanded = expander.expand("shop", payload(CUSTOMER, source), body);

        assertThat(expanded.at("/data/object/customer/default_source/brand").asText()).isEqualTo("visa");
        assertThat(apis.calls).containsExactly("shop stripe /v1/customers/cus_1",
                "shop stripe /v1/customers/cus_1/sources/card_1");
        assertThat(body.at("/data/object/customer").asText()).isEqualTo("cus_1");
    }

    @Test
    void anOptionalExpansionThatKeptItsIdDoesNotStopTheNextOne() {
        apis.fail("/v1/customers/cus_gone", new MappingException("Stripe answered 404"));
        apis.answer("/v1/invoices/in_1", "{\"id\": \"in_1\", \"paid\": true}");
        Expansion invoice = new Expansion("$.data.object.invoice", "stripe", "/v1/invoices/{id}");
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_gone", "invoice": "in_1"}}}""");

        JsonNode expanded = expander.expand("shop", payload(OPTIONAL_CUSTOMER, invoice), body);

        assertThat(expanded.at("/data/object/customer").asText()).isEqualTo("cus_gone");
        assertThat(expanded.at("/data/object/invoice/paid").asBoolean()).isTrue();
        assertThat(body.at("/data/object/invoice").asText()).isEqualTo("in_1");
    }

    @Test
    void aPayloadWithoutExpansionsGivesBackTheSameBody() {
        JsonNode body = json("""
                {"data": {"object": {"customer": "cus_1"}}}""");

        assertThat(expander.expand("shop", payload(), body)).isSameAs(body);
        assertThat(apis.calls).isEmpty();
    }

    @Test
    void refusesAMissingApi() {
        assertThatThrownBy(() -> new Expander(null)).isInstanceOf(NullPointerException.class).hasMessage("apis");
    }

    private static Payload payload(Expansion... expansions) {
        return new Payload("charge", "Charge", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON, false,
                true, InboundAuth.NONE, "$.id", null, false, null, List.of(), null, null, null, List.of(), List.of(),
                List.of(), List.of(expansions), null, null);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad test JSON: " + text, e);
        }
    }

    /** An API that answers each path as told, and records each read as "integration credential path". */
    private static final class RecordingApis implements ExternalApis {

        final List<String> calls = new ArrayList<>();
        private final Map<String, JsonNode> answers = new HashMap<>();
        private final Map<String, RuntimeException> failures = new HashMap<>();

        void answer(String path, String resource) {
            answers.put(path, json(resource));
        }

        void fail(String path, RuntimeException failure) {
            failures.put(path, failure);
        }

        @Override
        public JsonNode get(String integration, String credential, String path) {
            calls.add(integration + " " + credential + " " + path);
            RuntimeException failure = failures.get(path);
            if (failure != null) {
                throw failure;
            }
            JsonNode answer = answers.get(path);
            if (answer == null) {
                throw new AssertionError("no answer scripted for GET " + path);
            }
            return answer.deepCopy();
        }

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            throw new AssertionError("the expander checks no trigger");
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            throw new AssertionError("the expander polls nothing");
        }
    }
}
