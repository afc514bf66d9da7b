package org.openpayloads.connector.salesforce;

import java.util.List;

/** How the client gets its access token. */
enum Flow {
    /** Server to server with the connected app's key and secret; Salesforce runs it as the app's set user. */
    CLIENT_CREDENTIALS(List.of(SalesforceConnector.CLIENT_SECRET)),
    /** A JWT signed with the app's private key, on behalf of a pre-authorised user; no secret crosses the wire. */
    JWT(List.of(SalesforceConnector.PRIVATE_KEY, SalesforceConnector.USERNAME)),
    /** A user's name and password (with security token); discouraged by Salesforce, kept for old orgs. */
    PASSWORD(List.of(SalesforceConnector.USERNAME, SalesforceConnector.PASSWORD));

    /** The options this flow cannot do without, beyond clientId. */
    final List<String> requires;

    Flow(List<String> requires) {
        this.requires = requires;
    }

    /** The options to check when Salesforce refuses this flow's login. */
    List<String> credentialFields() {
        return switch (this) {
            case CLIENT_CREDENTIALS -> List.of(SalesforceConnector.CLIENT_ID, SalesforceConnector.CLIENT_SECRET);
            case JWT -> List.of(SalesforceConnector.CLIENT_ID, SalesforceConnector.USERNAME, SalesforceConnector.PRIVATE_KEY);
            case PASSWORD -> List.of(SalesforceConnector.USERNAME, SalesforceConnector.PASSWORD);
        };
    }
}
