package org.openpayloads.web.dto;

import java.util.Map;

/** {@code {"status":"UP","checks":{"database":"UP"}}}; DOWN when any check is down. */
public record HealthDto(String status, Map<String, String> checks) {
}
