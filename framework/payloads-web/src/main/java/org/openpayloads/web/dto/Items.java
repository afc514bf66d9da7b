package org.openpayloads.web.dto;

import java.util.List;

/** A list answer: {@code {"items":[...]}}, so that fields can be added later without breaking clients. */
public record Items<T>(List<T> items) {

    public Items {
        items = List.copyOf(items);
    }
}
