package org.openpayloads.engine.model;

/** The kinds of credential; each declares its attributes in {@code CredentialTypes}. */
public enum CredentialType {
    BASIC,
    API_KEY,
    BEARER,
    OAUTH2_CLIENT_CREDENTIALS,
    OAUTH2_JWT,
    SALESFORCE,
    STRIPE,
    HMAC_SECRET,
    /** Free-form attributes and secrets, for connectors that define their own. */
    CUSTOM
}
