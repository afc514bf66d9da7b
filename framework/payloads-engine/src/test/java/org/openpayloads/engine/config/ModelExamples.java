package org.openpayloads.engine.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;

/** Valid model objects, shaped like the Stripe charge integration, for tests to vary. */
final class ModelExamples {

    private ModelExamples() {
    }

    static Integration stripe() {
        return new Integration("stripe", "Stripe", "Stripe customers to Accounts", true, null);
    }

    static Target account() {
        return new Target("account", "Account", 10, "Account", Operation.UPSERT, "Stripe_Customer_Id__c", List.of(),
                WhenPresent.UPDATE, null, null, List.of(
                FieldMapping.element("Stripe_Customer_Id__c", "$.data.object.customer"),
                FieldMapping.element("Name", "$.data.object.billing_details.name"),
                new FieldMapping("Type", ValueSourceType.STATIC, "Customer", null, null, null, NullRule.IGNORE,
                        Map.of(), null)));
    }

    static Target contact() {
        return new Target("contact", "Contact", 20, "Contact", Operation.CREATE_IF_MISSING, null, List.of("Email"),
                WhenPresent.SKIP, null, null, List.of(
                FieldMapping.element("Email", "$.data.object.billing_details.email"),
                new FieldMapping("AccountId", ValueSourceType.TARGET_RESULT, "id", "account", null, null,
                        NullRule.IGNORE, Map.of(), null)));
    }

    static Payload charge() {
        return new Payload("charge", "Stripe charge", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON,
                false, true, new InboundAuth(AuthType.STRIPE_SIGNATURE, "stripe-webhook", null, null, null, 300),
                "$.id", "$.data.object.customer", false, InactiveBehaviour.HOLD, List.of("header:Authorization"),
                null, null, null,
                List.of(new Element("data", "$.data", DataType.OBJECT, true, false, List.of(
                        new Element("customer", "$.data.object.customer", DataType.STRING, false, false, List.of())))),
                List.of(account(), contact()), List.of(), null);
    }

    /** New charges read from the Stripe API with the {@link #stripeApiCredential()}, every 15 seconds. */
    static Payload chargePoll() {
        return chargePoll(new Polling("new-charge", 15, null, Map.of("expand", "customer")));
    }

    static Payload chargePoll(Polling polling) {
        return new Payload("charge-poll", "Stripe charge (polled)", null, Direction.INBOUND, PayloadKind.POLLING,
                ContentType.JSON, false, true, InboundAuth.NONE, "$.id", "$.customer", false, InactiveBehaviour.HOLD,
                List.of(), null, null, "stripe-api", List.of(), List.of(account(), contact()), List.of(), List.of(),
                polling, null);
    }

    static Set<String> credentials() {
        return Set.of("stripe-webhook");
    }

    /** The webhook's credential and the API key's. */
    static Set<String> apiCredentials() {
        return Set.of("stripe-webhook", "stripe-api");
    }

    static CredentialChange stripeCredential() {
        return new CredentialChange("stripe-webhook", "Stripe webhook", CredentialType.STRIPE, Map.of(),
                Map.of("webhookSecrets", "whsec_test_secret"), Set.of());
    }

    static CredentialChange stripeApiCredential() {
        return new CredentialChange("stripe-api", "Stripe API key", CredentialType.STRIPE, Map.of(),
                Map.of("secretKey", "sk_test_key"), Set.of());
    }
}
