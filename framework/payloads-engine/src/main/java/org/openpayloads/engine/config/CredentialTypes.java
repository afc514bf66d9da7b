package org.openpayloads.engine.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.config.ConfigDef.Validator;
import org.openpayloads.engine.model.CredentialType;

/**
 * The attributes and secrets each credential type declares. {@link CredentialType#CUSTOM} declares
 * none and accepts any.
 */
public final class CredentialTypes {

    private static final Map<CredentialType, ConfigDef> DEFINITIONS = new EnumMap<>(CredentialType.class);

    static {
        DEFINITIONS.put(CredentialType.BASIC, new ConfigDef()
                .define("username", Type.STRING, Required.YES, "login", "The user name.")
                .define("password", Type.SECRET, Required.YES, "login", "The password."));
        DEFINITIONS.put(CredentialType.API_KEY, new ConfigDef()
                .define("headerName", Type.STRING, "X-API-Key", Validator.NONE, "request",
                        "The header that carries the key.")
                .define("apiKey", Type.SECRET, Required.YES, "request", "The key."));
        DEFINITIONS.put(CredentialType.BEARER, new ConfigDef()
                .define("token", Type.SECRET, Required.YES, "request", "The bearer token."));
        DEFINITIONS.put(CredentialType.OAUTH2_CLIENT_CREDENTIALS, new ConfigDef()
                .define("tokenUrl", Type.URL, Required.YES, "oauth", "The token endpoint.")
                .define("clientId", Type.STRING, Required.YES, "oauth", "The client id.")
                .define("scope", Type.STRING, Required.NO, "oauth", "Space-separated scopes to ask for.")
                .define("clientSecret", Type.SECRET, Required.YES, "oauth", "The client secret."));
        DEFINITIONS.put(CredentialType.OAUTH2_JWT, new ConfigDef()
                .define("tokenUrl", Type.URL, Required.YES, "oauth", "The token endpoint.")
                .define("clientId", Type.STRING, Required.YES, "oauth", "The issuer: the client id.")
                .define("subject", Type.STRING, Required.YES, "oauth", "The subject: the user to act as.")
                .define("audience", Type.STRING, Required.NO, "oauth", "The audience; the token URL's origin if absent.")
                .define("privateKey", Type.SECRET, Required.YES, "oauth",
                        "The RS256 private key, PEM-encoded PKCS#8."));
        DEFINITIONS.put(CredentialType.SALESFORCE, new ConfigDef()
                .define("loginUrl", Type.URL, "https://login.salesforce.com", Validator.NONE, "org",
                        "The login URL: login.salesforce.com, test.salesforce.com or a My Domain.")
                .define("flow", Type.STRING, "CLIENT_CREDENTIALS",
                        Validator.oneOf("CLIENT_CREDENTIALS", "JWT", "PASSWORD"), "org", "The OAuth flow.")
                .define("clientId", Type.STRING, Required.YES, "org", "The connected app's consumer key.")
                .define("username", Type.STRING, Required.NO, "org", "The user, for the JWT and password flows.")
                .define("apiVersion", Type.STRING, "62.0",
                        v -> v.matches("\\d{2,3}\\.0") ? Optional.empty() : Optional.of("expected a version such as 62.0"),
                        "org", "The REST API version.")
                .define("clientSecret", Type.SECRET, Required.NO, "org", "The consumer secret.")
                .define("privateKey", Type.SECRET, Required.NO, "org", "The JWT flow's private key, PEM PKCS#8.")
                .define("password", Type.SECRET, Required.NO, "org", "The password flow's password."));
        DEFINITIONS.put(CredentialType.STRIPE, new ConfigDef()
                .define("apiBase", Type.URL, "https://api.stripe.com", Validator.NONE, "api", "The Stripe API's base URL.")
                .define("secretKey", Type.SECRET, Required.NO, "api", "The secret or restricted key: sk_test_, sk_live_ or rk_.")
                .define("webhookSecrets", Type.SECRET, Required.NO, "webhook",
                        "Webhook signing secrets (whsec_), comma-separated while rotating."));
        DEFINITIONS.put(CredentialType.HMAC_SECRET, new ConfigDef()
                .define("secret", Type.SECRET, Required.YES, "signature", "The shared signing secret."));
        DEFINITIONS.put(CredentialType.CUSTOM, new ConfigDef());
    }

    private CredentialTypes() {
    }

    public static ConfigDef definition(CredentialType type) {
        return DEFINITIONS.get(type);
    }
}
