package org.openpayloads.server;

/** JSON bodies shaped like the flagship Stripe integration, for the admin API tests. */
final class Samples {

    static final String STRIPE_WEBHOOK_SECRET = "whsec_test_a1b2c3d4e5f6g7h8i9j0";
    static final String STRIPE_API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    private Samples() {
    }

    static String integration(String apiName) {
        return """
                {"apiName":"%s","label":"Stripe","description":"Stripe customers to Salesforce Accounts"}
                """.formatted(apiName);
    }

    static String stripeCredential() {
        return """
                {"apiName":"stripe-api","label":"Stripe API","type":"STRIPE",
                 "attributes":{"apiBase":"https://api.stripe.com"},
                 "secrets":{"secretKey":"%s","webhookSecrets":"%s"}}
                """.formatted(STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET);
    }

    static String accountTarget() {
        return """
                {"apiName":"account","label":"Upsert Account","order":10,"object":"Account",
                 "operation":"UPSERT","externalIdField":"Stripe_Customer_Id__c",
                 "mappings":[
                   {"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.data.object.customer"},
                   {"field":"Name","sourceType":"ELEMENT","value":"$.data.object.billing_details.name",
                    "nullRule":"IGNORE"},
                   {"field":"Type","sourceType":"STATIC","value":"Customer - Direct"},
                   {"field":"Description","sourceType":"EXPRESSION",
                    "value":"concat('Stripe customer ', $.data.object.customer)"},
                   {"field":"Rating","sourceType":"ELEMENT","value":"$.data.object.outcome.risk_level",
                    "valueMap":{"normal":"Warm","elevated":"Cold"},"defaultValue":"Hot"}
                 ]}
                """;
    }

    static String contactTarget() {
        return """
                {"apiName":"contact","label":"Contact","order":20,"object":"Contact",
                 "operation":"CREATE_IF_MISSING","matchFields":["Email"],"whenPresent":"UPDATE",
                 "condition":"$.data.object.billing_details.email != null",
                 "mappings":[
                   {"field":"Email","sourceType":"ELEMENT","value":"$.data.object.billing_details.email"},
                   {"field":"LastName","sourceType":"ELEMENT","value":"$.data.object.billing_details.name"},
                   {"field":"AccountId","sourceType":"TARGET_RESULT","reference":"account","value":"id"},
                   {"field":"OwnerId","sourceType":"LOOKUP","reference":"User","value":"$.data.object.metadata.owner",
                    "lookupMatchField":"Email","lookupReturnField":"Id"},
                   {"field":"Stripe_Account__c","sourceType":"CREDENTIAL","reference":"stripe-api",
                    "value":"apiBase"}
                 ]}
                """;
    }

    /** An inbound JSON webhook payload with elements and two targets. */
    static String chargePayload() {
        return """
                {"apiName":"charge","label":"Stripe charge","direction":"INBOUND","kind":"API_PUSH",
                 "contentType":"JSON","allowPartialSuccess":false,"active":true,
                 "auth":{"type":"STRIPE_SIGNATURE","credential":"stripe-api","toleranceSeconds":300},
                 "dedupeKey":"$.id","orderingKey":"$.data.object.customer",
                 "redactPaths":["$.data.object.payment_method_details.card","header:Authorization"],
                 "elements":[
                   {"name":"id","path":"$.id","dataType":"STRING","required":true},
                   {"name":"data","path":"$.data","dataType":"OBJECT","children":[
                     {"name":"object","path":"$.data.object","dataType":"OBJECT","children":[
                       {"name":"customer","path":"$.data.object.customer","dataType":"STRING"},
                       {"name":"amount","path":"$.data.object.amount","dataType":"INTEGER"},
                       {"name":"refunds","path":"$.data.object.refunds.data","dataType":"ARRAY","repeated":true,
                        "children":[{"name":"refundId","path":"$.data.object.refunds.data[*].id"}]}
                     ]}
                   ]}
                 ],
                 "targets":[%s,%s]}
                """.formatted(accountTarget(), contactTarget());
    }

    /** An outbound API-initiated GET payload with a source. */
    static String accountsPayload() {
        return """
                {"apiName":"accounts","label":"Accounts","kind":"API_GET","contentType":"JSON",
                 "sources":[{"apiName":"accounts","label":"Accounts","object":"Account",
                   "filter":"Stripe_Customer_Id__c != null",
                   "mappings":[{"field":"$.name","sourceType":"FIELD","value":"Name"},
                               {"field":"$.owner","sourceType":"FIELD","value":"Owner.Name"}]}]}
                """;
    }
}
