package org.openpayloads.server;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts one {@link TestServer} for a test class: {@code @RegisterExtension static final ServerExtension}. */
final class ServerExtension implements BeforeAllCallback, AfterAllCallback {

    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    TestServer server() {
        return server;
    }

    RequestSpecification admin() {
        return server.admin();
    }

    RequestSpecification anonymous() {
        return server.anonymous();
    }
}
