package org.openpayloads.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an inbound POST: the job it made, or found. {@code duplicate} is true when the request
 * repeated an earlier one's dedupe key, and absent otherwise; {@code results} are there only when the caller
 * waited for the job (sync mode), and {@code error}, in the one error form, only when that job failed (422).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboundReceiptDto(long jobId, String jobNumber, String status, @Nullable Boolean duplicate,
                                @Nullable List<TargetResultDto> results, ErrorResponse.@Nullable Body error) {
}
