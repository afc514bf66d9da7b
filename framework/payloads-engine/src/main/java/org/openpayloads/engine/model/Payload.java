package org.openpayloads.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One kind of data an integration sends or receives, with its body's elements and its targets
 * (inbound) or sources (outbound).
 *
 * @param dedupeKey an element path, or {@code header:Idempotency-Key}; repeated values are duplicates
 * @param orderingKey an element path; jobs with the same value run one at a time, in order
 * @param syncResponse whether the endpoint waits for the result instead of answering 202
 * @param redactPaths element paths and header names masked in stored requests
 * @param endpointUrl outbound: the URL template called
 * @param credential outbound: API name of the credential the call uses; polling: the credential polled with
 * @param expansions ids replaced by the resources they name before the targets run
 * @param polling how a POLLING payload finds new items; null for other kinds
 */
public record Payload(String apiName, String label, @Nullable String description, Direction direction,
                      PayloadKind kind, ContentType contentType, boolean allowPartialSuccess, boolean active,
                      InboundAuth auth, @Nullable String dedupeKey, @Nullable String orderingKey,
                      boolean syncResponse, InactiveBehaviour whenInactive, List<String> redactPaths,
                      @Nullable String endpointUrl, @Nullable HttpMethod httpMethod, @Nullable String credential,
                      List<Element> elements, List<Target> targets, List<Source> sources,
                      List<Expansion> expansions, @Nullable Polling polling, AuditInfo audit) {

    public Payload {
        expansions = expansions == null ? List.of() : List.copyOf(expansions);
        auth = auth == null ? InboundAuth.NONE : auth;
        whenInactive = whenInactive == null ? InactiveBehaviour.HOLD : whenInactive;
        redactPaths = redactPaths == null ? List.of() : List.copyOf(redactPaths);
        elements = elements == null ? List.of() : List.copyOf(elements);
        targets = targets == null ? List.of() : List.copyOf(targets);
        sources = sources == null ? List.of() : List.copyOf(sources);
        audit = audit == null ? AuditInfo.NEW : audit;
    }

    /** A payload that expands nothing and does not poll. */
    public Payload(String apiName, String label, @Nullable String description, Direction direction,
                   PayloadKind kind, ContentType contentType, boolean allowPartialSuccess, boolean active,
                   InboundAuth auth, @Nullable String dedupeKey, @Nullable String orderingKey,
                   boolean syncResponse, InactiveBehaviour whenInactive, List<String> redactPaths,
                   @Nullable String endpointUrl, @Nullable HttpMethod httpMethod, @Nullable String credential,
                   List<Element> elements, List<Target> targets, List<Source> sources, AuditInfo audit) {
        this(apiName, label, description, direction, kind, contentType, allowPartialSuccess, active, auth, dedupeKey,
                orderingKey, syncResponse, whenInactive, redactPaths, endpointUrl, httpMethod, credential, elements,
                targets, sources, List.of(), null, audit);
    }

    public Payload withElements(List<Element> newElements) {
        return new Payload(apiName, label, description, direction, kind, contentType, allowPartialSuccess, active,
                auth, dedupeKey, orderingKey, syncResponse, whenInactive, redactPaths, endpointUrl, httpMethod,
                credential, newElements, targets, sources, expansions, polling, audit);
    }

    public Payload withTargets(List<Target> newTargets) {
        return new Payload(apiName, label, description, direction, kind, contentType, allowPartialSuccess, active,
                auth, dedupeKey, orderingKey, syncResponse, whenInactive, redactPaths, endpointUrl, httpMethod,
                credential, elements, newTargets, sources, expansions, polling, audit);
    }

    public Payload withSources(List<Source> newSources) {
        return new Payload(apiName, label, description, direction, kind, contentType, allowPartialSuccess, active,
                auth, dedupeKey, orderingKey, syncResponse, whenInactive, redactPaths, endpointUrl, httpMethod,
                credential, elements, targets, newSources, expansions, polling, audit);
    }
}
