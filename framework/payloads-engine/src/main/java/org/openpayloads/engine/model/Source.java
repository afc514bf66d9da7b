package org.openpayloads.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an outbound payload's data comes from: records of one object, filtered or queried.
 *
 * @param filter a SOQL condition, for example {@code Stripe_Customer_Id__c != null}
 * @param query a whole SOQL query, used instead of object and filter
 * @param mappings element path ← record field
 */
public record Source(String apiName, String label, int order, @Nullable String object, @Nullable String filter,
                     @Nullable String query, List<FieldMapping> mappings) {

    public Source {
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }
}
