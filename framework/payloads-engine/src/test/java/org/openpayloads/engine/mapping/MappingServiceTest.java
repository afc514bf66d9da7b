package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.ExternalApis;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.engine.port.PayloadRepository;
import org.openpayloads.testkit.InMemoryRecordClient;

class MappingServiceTest {

    private static final byte[] JSON_BODY = """
            {"customer": {"id": "cus_1", "name": "Ada"}}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] XML_BODY = """
            <customer><id>cus_2</id><name>Bo</name></customer>""".getBytes(StandardCharsets.UTF_8);

    private static final String CUSTOMER_9 = """
            {"id": "cus_9", "name": "Cy"}""";

    private final Map<String, Payload> payloads = new HashMap<>();
    private final InMemoryRecordClient org = StripeOrg.client();
    private final MappingCompiler compiler = new MappingCompiler(10);
    private final MappingService service = new MappingService(new ConfigurationService(new Integrations(),
            new Payloads(), new NoCredentials()), new BodyParser(ParseLimits.DEFAULTS), compiler, Mappings.engine(),
            integration -> org);

    MappingServiceTest() {
        payloads.put("charge", Mappings.allOrNothing(target("account", "Account", Operation.UPSERT)
                .externalId("Stripe_Customer_Id__c").map(element("Stripe_Customer_Id__c", "$.customer.id"),
                        element("Name", "$.customer.name"))));
    }

    @Test
    void runsThePayloadNamedOverARawBody() {
        MappingResult result = service.run("stripe", "charge", JSON_BODY, "application/json; charset=utf-8");

        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("Stripe_Customer_Id__c", "cus_1").containsEntry("Name", "Ada"));
    }

    @Test
    void readsABodyWithoutAContentTypeAsThePayloadSays() {
        service.run("stripe", "charge", JSON_BODY, null);
        service.run("stripe", "charge", JSON_BODY, " ");

        assertThat(org.records("Account")).hasSize(1);
    }

    @Test
    void readsABodyOfTheContentTypeItComesWithThroughTheSamePaths() {
        service.run("stripe", "charge", XML_BODY, "application/xml");

        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("Stripe_Customer_Id__c", "cus_2").containsEntry("Name", "Bo"));
    }

    @Test
    void refusesABodyItCannotRead() {
        assertThatThrownBy(() -> service.run("stripe", "charge", JSON_BODY, "image/png"))
                .isInstanceOf(MappingException.class)
                .hasMessage("content type 'image/png' is not one a payload takes; expected application/json, "
                        + "application/x-www-form-urlencoded, application/xml or text/plain");
        assertThatThrownBy(() -> service.run("stripe", "charge", "{\"customer\":".getBytes(StandardCharsets.UTF_8),
                null)).isInstanceOf(MappingException.class);
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void anUnknownIntegrationOrPayloadIsNotFound() {
        assertThatThrownBy(() -> service.run("nope", "customer", JSON_BODY, null))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'nope' exists");
        assertThatThrownBy(() -> service.preview("stripe", "nope", JSON_BODY, null))
                .isInstanceOf(NotFoundException.class).hasMessage("No payload 'stripe/nope' exists");
    }

    @Test
    void previewsASampleWithoutWriting() {
        MappingResult preview = service.preview("stripe", "charge", XML_BODY, "text/xml");

        assertThat(preview.operations()).extracting(RecordOperation::action).containsExactly(Action.UPSERT);
        assertThat(preview.operations().get(0).fields()).containsEntry("Name", "Bo");
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void aSampleThatCannotBeReadIsAnErrorOnItsField() {
        assertThatThrownBy(() -> service.preview("stripe", "charge", "{".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("body"));
        assertThatThrownBy(() -> service.preview("stripe", "charge", JSON_BODY, "image/png"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("contentType", "'image/png' is not a content type a payload takes; expected "
                                + "application/json, application/x-www-form-urlencoded, application/xml or "
                                + "text/plain")));
    }

    @Test
    void aMappingThatDoesNotCompileIsAConfigException() {
        payloads.put("charge", Mappings.allOrNothing(target("account", "Account", Operation.INSERT)
                .map(element("Name", "customer.name"))));

        assertThatThrownBy(() -> service.preview("stripe", "charge", JSON_BODY, null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("targets[0].mappings[0].value"));
    }

    @Test
    void readsTheElementsOfASampleAndAppliesThemOnRequest() {
        List<Element> elements = service.elementsFromSample("stripe", "charge", JSON_BODY, null, false, "ada");

        assertThat(elements).extracting(Element::path).containsExactly("$.customer");
        assertThat(elements.get(0).children()).extracting(Element::path)
                .containsExactly("$.customer.id", "$.customer.name");
        assertThat(payloads.get("charge").elements()).isEmpty();

        assertThat(service.elementsFromSample("stripe", "charge", JSON_BODY, null, true, "ada"))
                .isEqualTo(elements);
        assertThat(payloads.get("charge").elements()).isEqualTo(elements);
    }

    @Test
    void aRunReadsThePayloadsExpansionsBeforeItsTargets() {
        MappingService expanding = expandingService(Map.of("/v1/customers/cus_9", CUSTOMER_9));

        MappingResult result = expanding.run("stripe", "charge", "{\"customer\":\"cus_9\"}".getBytes(
                StandardCharsets.UTF_8), null);

        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("Stripe_Customer_Id__c", "cus_9").containsEntry("Name", "Cy"));
    }

    @Test
    void aPreviewReadsTheExpansionsTooButWritesNothing() {
        MappingService expanding = expandingService(Map.of("/v1/customers/cus_9", CUSTOMER_9));

        MappingResult preview = expanding.preview("stripe", "charge", "{\"customer\":\"cus_9\"}".getBytes(
                StandardCharsets.UTF_8), null);

        assertThat(preview.operations().get(0).fields()).containsEntry("Name", "Cy");
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void aRequiredExpansionTheApiRefusesFailsTheRun() {
        MappingService expanding = expandingService(Map.of());

        assertThatThrownBy(() -> expanding.run("stripe", "charge", "{\"customer\":\"cus_gone\"}".getBytes(
                StandardCharsets.UTF_8), null)).isInstanceOf(MappingException.class)
                .hasMessage("No such customer: /v1/customers/cus_gone");
        assertThat(org.writes()).isEmpty();
    }

    /** The service, with the charge payload's customer expanded from {@code resources} by path. */
    private MappingService expandingService(Map<String, String> resources) {
        Payload charge = payloads.get("charge");
        payloads.put("charge", new Payload(charge.apiName(), charge.label(), charge.description(), charge.direction(),
                charge.kind(), charge.contentType(), charge.allowPartialSuccess(), charge.active(), charge.auth(),
                charge.dedupeKey(), charge.orderingKey(), charge.syncResponse(), charge.whenInactive(),
                charge.redactPaths(), charge.endpointUrl(), charge.httpMethod(), charge.credential(),
                charge.elements(), charge.targets(), charge.sources(),
                List.of(new Expansion("$.customer", "stripe", "/v1/customers/{id}")), null, charge.audit()));
        ExternalApis apis = new ExternalApis() {
            @Override
            public JsonNode get(String integration, String credential, String path) {
                String resource = resources.get(path);
                if (resource == null) {
                    throw new MappingException("No such customer: " + path);
                }
                return Mappings.json(resource);
            }

            @Override
            public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
                return List.of();
            }

            @Override
            public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                                 Watermark after, Instant since, int maxItems) {
                throw new AssertionError("mapping polls nothing");
            }
        };
        return new MappingService(new ConfigurationService(new Integrations(), new Payloads(), new NoCredentials()),
                new BodyParser(ParseLimits.DEFAULTS), compiler, Mappings.engine(), integration -> org, apis);
    }

    @Test
    void refusesMissingCollaborators() {
        assertThatThrownBy(() -> new MappingService(null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("configuration");
    }

    /** One integration, "stripe". */
    private static final class Integrations implements IntegrationRepository {
        private static final Integration STRIPE = new Integration("stripe", "Stripe", null, true, null);

        @Override
        public List<Integration> findAll() {
            return List.of(STRIPE);
        }

        @Override
        public Optional<Integration> find(String apiName) {
            return apiName.equals("stripe") ? Optional.of(STRIPE) : Optional.empty();
        }

        @Override
        public Integration create(Integration integration, String actor) {
            throw new UnsupportedOperationException("create");
        }

        @Override
        public Integration update(String apiName, Integration integration, String actor) {
            throw new UnsupportedOperationException("update");
        }

        @Override
        public void delete(String apiName, String actor) {
            throw new UnsupportedOperationException("delete");
        }
    }

    /** The test's payloads, of integration "stripe". */
    private final class Payloads implements PayloadRepository {
        @Override
        public List<Payload> findAll(String integration) {
            return List.copyOf(payloads.values());
        }

        @Override
        public Map<String, List<Payload>> findActivePolling() {
            throw new UnsupportedOperationException("findActivePolling: these tests run no pollers");
        }

        @Override
        public Optional<Payload> find(String integration, String payload) {
            return Optional.ofNullable(payloads.get(payload));
        }

        @Override
        public Payload create(String integration, Payload payload, String actor) {
            throw new UnsupportedOperationException("create");
        }

        @Override
        public Payload update(String integration, String payloadApiName, Payload payload, String actor) {
            payloads.put(payloadApiName, payload);
            return payload;
        }

        @Override
        public void delete(String integration, String payload, String actor) {
            throw new UnsupportedOperationException("delete");
        }
    }

    /** An integration without credentials. */
    private static final class NoCredentials implements CredentialRepository {
        @Override
        public List<Credential> findAll(String integration) {
            return List.of();
        }

        @Override
        public Optional<Credential> find(String integration, String apiName) {
            return Optional.empty();
        }

        @Override
        public Credential create(String integration, CredentialChange credential, String actor) {
            throw new UnsupportedOperationException("create");
        }

        @Override
        public Credential update(String integration, String apiName, CredentialChange credential, String actor) {
            throw new UnsupportedOperationException("update");
        }

        @Override
        public void delete(String integration, String apiName, String actor) {
            throw new UnsupportedOperationException("delete");
        }

        @Override
        public Optional<ResolvedCredential> resolve(String integration, String apiName) {
            return Optional.empty();
        }
    }
}
