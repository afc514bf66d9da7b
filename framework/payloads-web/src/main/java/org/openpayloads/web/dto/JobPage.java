package org.openpayloads.web.dto;

import java.util.List;

/** One page of jobs, newest first: {@code {"items":[...],"page":0,"size":50,"total":123}}. */
public record JobPage(List<JobDto> items, int page, int size, long total) {

    public JobPage {
        items = List.copyOf(items);
    }
}
