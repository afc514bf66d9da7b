package org.openpayloads.web.filter;

import java.io.ByteArrayInputStream;
import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;

/** Real Jersey requests, as a filter sees them before matching. */
final class TestRequests {

    private TestRequests() {
    }

    static ContainerRequest request(String method, String path) {
        return new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost" + path), method,
                null, new MapPropertiesDelegate(), new ResourceConfig());
    }

    static ContainerRequest withBody(String method, String path, byte[] body) {
        ContainerRequest request = request(method, path);
        request.setEntityStream(new ByteArrayInputStream(body));
        return request;
    }
}
