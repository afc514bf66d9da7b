package org.openpayloads.web.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.error.ApiException;
import org.openpayloads.web.error.ErrorCode;

class BodyLimitFilterTest {

    private final BodyLimitFilter filter = new BodyLimitFilter();

    @Test
    void aDeclaredLengthOverTheLimitIs413AtOnce() {
        ContainerRequest request = TestRequests.withBody("POST", "/api/v1/integrations", new byte[1]);
        request.header("Content-Length", String.valueOf(BodyLimitFilter.MAX_BYTES + 1));

        assertThatThrownBy(() -> filter.filter(request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void anUndeclaredBodyIsCutWhenItReachesTheLimit() throws Exception {
        ContainerRequest request = TestRequests.withBody("POST", "/api/v1/integrations",
                new byte[(int) BodyLimitFilter.MAX_BYTES + 1]);

        filter.filter(request);

        InputStream limited = request.getEntityStream();
        assertThatThrownBy(limited::readAllBytes).isInstanceOf(ApiException.class)
                .hasMessage("The request body is over the limit of 1048576 bytes");
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        ContainerRequest request = TestRequests.withBody("POST", "/api/v1/integrations", "{\"apiName\":\"a\"}".getBytes());

        filter.filter(request);

        assertThat(request.getEntityStream().readAllBytes()).hasSize(15);
    }

    @Test
    void otherPathsAreNotLimited() {
        ContainerRequest request = TestRequests.withBody("POST", "/services/data/v60.0/composite", new byte[1]);
        request.header("Content-Length", String.valueOf(BodyLimitFilter.MAX_BYTES * 10));

        filter.filter(request);

        assertThat(request.getEntityStream()).isNotInstanceOf(BodyLimitFilter.LimitedInputStream.class);
    }

    @Test
    void theLimitedStreamCountsSingleBytesAndSkipsToo() throws Exception {
        var stream = new BodyLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[10]), 3);

        assertThat(stream.read()).isZero();
        assertThat(stream.skip(2)).isEqualTo(2);
        assertThatThrownBy(stream::read).isInstanceOf(ApiException.class);
    }
}
