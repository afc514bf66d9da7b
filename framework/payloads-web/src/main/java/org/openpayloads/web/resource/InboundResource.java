package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.glassfish.grizzly.http.server.Request;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.inbound.InboundRequest;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.web.dto.ErrorResponse;
import org.openpayloads.web.dto.InboundReceiptDto;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.error.ApiException;
import org.openpayloads.web.error.ErrorCode;

/**
 * Inbound payload endpoints: {@code POST /in/{integration}/{payload}}. Outside systems call them with the
 * payload's own auth, not an admin token. The answer is 202 once the request is stored as a job; 200 with
 * {@code "duplicate":true} for a redelivery; in sync mode ({@code ?mode=sync}, or the payload's option)
 * 200, 207 or 422 with the job's results.
 *
 * <p>One instance serves every request (the connection is reached through a provider), so that Jersey does not
 * build and inject one per request on the intake's hot path.
 */
@Path("/in/{integration}/{payload}")
@Singleton
public final class InboundResource {

    private final InboundService inbound;
    private final Provider<Request> connection;

    @Inject
    public InboundResource(InboundService inbound, Provider<Request> connection) {
        this.inbound = inbound;
        this.connection = connection;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("integration") String integration, @PathParam("payload") String payload,
                            @QueryParam("mode") @Nullable String mode, @Context HttpHeaders headers,
                            @Nullable InputStream body) {
        boolean sync = syncMode(mode);
        long limit = inbound.settings().maxBodyBytes();
        if (headers.getLength() > limit) {
            throw ApiException.payloadTooLarge(limit);
        }
        byte[] bytes = read(body, limit);
        InboundRequest request = new InboundRequest(headers.getRequestHeaders(), bytes);
        InboundService.Received received = inbound.receive(integration, payload, request,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), this::caller, sync);
        return answer(inbound, received);
    }

    /**
     * The answer to a request {@code inbound} took: 202 with the receipt, 200 {@code "duplicate":true} for a
     * redelivery, or in sync mode 200, 207 or 422 with the job's results (the status is recorded on the job).
     * Public for the server's fast path, which answers the same.
     */
    public static Response answer(InboundService inbound, InboundService.Received received) {
        JobQueue.Receipt receipt = received.receipt();
        if (receipt.duplicate()) {
            return Response.ok(new InboundReceiptDto(receipt.jobId(), receipt.jobNumber(), receipt.status().name(),
                    true, null, null)).build();
        }
        Job job = received.job();
        if (job == null) {
            return Response.accepted(new InboundReceiptDto(receipt.jobId(), receipt.jobNumber(),
                    receipt.status().name(), null, null, null)).build();
        }
        int status = InboundService.syncStatus(job.status());
        inbound.answered(job.id(), status);
        return Response.status(status).entity(new InboundReceiptDto(job.id(), job.jobNumber(), job.status().name(),
                null, job.results().stream().map(OutputMapper::result).toList(),
                status == ErrorCode.MAPPING_FAILED.status() ? failure(job) : null)).build();
    }

    /** Why a job failed, in the one error form: a field per record that failed, as {@code account[0]}. */
    private static ErrorResponse.Body failure(Job job) {
        List<FieldError> records = job.results().stream().filter(result -> !result.success())
                .map(result -> new FieldError(result.target() + "[" + result.index() + "]",
                        result.errorCode() + ": " + result.message()))
                .toList();
        String message = "Job " + job.jobNumber() + " is " + job.status() + ": "
                + (job.error() == null ? "its mapping failed" : job.error());
        return ErrorResponse.of(ErrorCode.MAPPING_FAILED.name(), message, records).error();
    }

    private static boolean syncMode(@Nullable String mode) {
        if (mode == null || mode.equals("async")) {
            return false;
        }
        if (mode.equals("sync")) {
            return true;
        }
        throw ApiException.badRequest("mode '" + mode + "' is not a mode; expected sync or async",
                List.of(new FieldError("mode", "expected sync or async")));
    }

    /**
     * The body, refused with a 413 once it passes {@code limit} bytes (a chunked body declares no length).
     * Public for the server's fast path, which reads the same way.
     */
    public static byte[] read(@Nullable InputStream body, long limit) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw ApiException.payloadTooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }

    private String caller() {
        Request request = connection.get();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
