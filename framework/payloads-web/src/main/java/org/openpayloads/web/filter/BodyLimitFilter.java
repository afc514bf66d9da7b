package org.openpayloads.web.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openpayloads.web.error.ApiException;

/**
 * Caps admin API request bodies at {@link #MAX_BYTES}: configuration is small, and an unbounded body would let
 * one request fill the heap. A declared Content-Length over the limit is refused at once; a chunked body is
 * refused when it reaches the limit. Other paths (such as inbound payload endpoints) are not affected.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {

    /** 1 MiB: far above the largest configuration, far below what hurts the heap. */
    public static final long MAX_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!AdminPaths.isAdmin(AdminPaths.segments(request.getUriInfo()))) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BYTES);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), MAX_BYTES));
        }
    }

    /** Fails once more than {@code limit} bytes have been read. */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw ApiException.payloadTooLarge(limit);
            }
        }
    }
}
