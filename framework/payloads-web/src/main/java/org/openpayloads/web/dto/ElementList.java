package org.openpayloads.web.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT .../elements}: {@code {"items":[...]}} as GET shows it, or a bare array of elements.
 */
public record ElementList(@Nullable List<@Nullable ElementDto> items) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ElementList {
    }

    /** Accepts a bare JSON array too, since the list is the whole body. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ElementList of(List<@Nullable ElementDto> items) {
        return new ElementList(items);
    }
}
