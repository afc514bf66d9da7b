package org.openpayloads.web.dto;

import java.util.List;

/**
 * What a bulk replay queued: the new jobs' numbers, oldest original first. {@code truncated} is true when
 * more jobs matched than one bulk replay takes.
 */
public record BulkReplayResultDto(int replayed, List<String> jobNumbers, boolean truncated) {
}
