package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.Length;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.HttpMethod;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;

/** A payload's own columns; its elements, targets and sources are rows of their own tables. */
@Entity
@Table(name = "payload")
@Audited
public class PayloadEntity extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payload_seq")
    @SequenceGenerator(name = "payload_seq", sequenceName = "payload_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "integration_id", nullable = false)
    private IntegrationEntity integration;

    @Column(name = "api_name", nullable = false, length = 80)
    private String apiName = "";

    @Column(name = "label", nullable = false)
    private String label = "";

    @Column(name = "description", length = 4000)
    private @Nullable String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 20)
    private Direction direction = Direction.INBOUND;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private PayloadKind kind = PayloadKind.API_PUSH;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false, length = 40)
    private ContentType contentType = ContentType.JSON;

    @Column(name = "allow_partial_success", nullable = false)
    private boolean allowPartialSuccess;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_type", nullable = false, length = 40)
    private AuthType authType = AuthType.NONE;

    @Column(name = "auth_credential", length = 80)
    private @Nullable String authCredential;

    @Column(name = "auth_header_name")
    private @Nullable String authHeaderName;

    @Column(name = "auth_signed_content", length = 1000)
    private @Nullable String authSignedContent;

    @Column(name = "auth_signature_encoding", length = 20)
    private @Nullable String authSignatureEncoding;

    @Column(name = "auth_tolerance_seconds")
    private @Nullable Integer authToleranceSeconds;

    @Column(name = "dedupe_key", length = 1000)
    private @Nullable String dedupeKey;

    @Column(name = "ordering_key", length = 1000)
    private @Nullable String orderingKey;

    @Column(name = "sync_response", nullable = false)
    private boolean syncResponse;

    @Enumerated(EnumType.STRING)
    @Column(name = "when_inactive", nullable = false, length = 20)
    private InactiveBehaviour whenInactive = InactiveBehaviour.HOLD;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "redact_paths", nullable = false, length = Length.LONG32)
    private List<String> redactPaths = List.of();

    @Column(name = "endpoint_url", length = 4000)
    private @Nullable String endpointUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "http_method", length = 10)
    private @Nullable HttpMethod httpMethod;

    @Column(name = "credential", length = 80)
    private @Nullable String credential;

    @Convert(converter = JsonColumns.Expansions.class)
    @Column(name = "expansions", length = Length.LONG32)
    private List<Expansion> expansions = List.of();

    @Column(name = "poll_trigger", length = 80)
    private @Nullable String pollTrigger;

    @Column(name = "poll_interval_seconds")
    private @Nullable Integer pollIntervalSeconds;

    @Column(name = "poll_backfill_from")
    private @Nullable Instant pollBackfillFrom;

    @Convert(converter = JsonColumns.StringMap.class)
    @Column(name = "poll_options", length = Length.LONG32)
    private Map<String, String> pollOptions = Map.of();

    /** For Hibernate, which sets every field, the association included. */
    protected PayloadEntity() {
    }

    public PayloadEntity(IntegrationEntity integration, Payload payload) {
        this.integration = integration;
        take(payload);
    }

    /** Takes the payload's own values; its tree is stored apart. Not final, so that lazy proxies forward it. */
    public void apply(Payload payload) {
        take(payload);
    }

    private void take(Payload payload) {
        apiName = payload.apiName();
        label = payload.label();
        description = payload.description();
        direction = payload.direction();
        kind = payload.kind();
        contentType = payload.contentType();
        allowPartialSuccess = payload.allowPartialSuccess();
        active = payload.active();
        applyAuth(payload.auth());
        dedupeKey = payload.dedupeKey();
        orderingKey = payload.orderingKey();
        syncResponse = payload.syncResponse();
        whenInactive = payload.whenInactive();
        redactPaths = payload.redactPaths();
        endpointUrl = payload.endpointUrl();
        httpMethod = payload.httpMethod();
        credential = payload.credential();
        expansions = payload.expansions();
        Polling polling = payload.polling();
        pollTrigger = polling == null ? null : polling.trigger();
        pollIntervalSeconds = polling == null ? null : polling.intervalSeconds();
        pollBackfillFrom = polling == null ? null : polling.backfillFrom();
        pollOptions = polling == null ? Map.of() : polling.options();
    }

    private void applyAuth(InboundAuth auth) {
        authType = auth.type();
        authCredential = auth.credential();
        authHeaderName = auth.headerName();
        authSignedContent = auth.signedContent();
        authSignatureEncoding = auth.signatureEncoding();
        authToleranceSeconds = auth.toleranceSeconds();
    }

    public Payload toRecord(List<Element> elements, List<Target> targets, List<Source> sources) {
        InboundAuth auth = new InboundAuth(authType, authCredential, authHeaderName, authSignedContent,
                authSignatureEncoding, authToleranceSeconds);
        return new Payload(apiName, label, description, direction, kind, contentType, allowPartialSuccess, active,
                auth, dedupeKey, orderingKey, syncResponse, whenInactive, redactPaths, endpointUrl, httpMethod,
                credential, elements, targets, sources, expansions == null ? List.of() : expansions,
                pollTrigger == null ? null : new Polling(pollTrigger, pollIntervalSeconds == null
                        ? Polling.DEFAULT_INTERVAL_SECONDS : pollIntervalSeconds, pollBackfillFrom,
                        pollOptions == null ? Map.of() : pollOptions), audit());
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getApiName() {
        return apiName;
    }

    public IntegrationEntity getIntegration() {
        return integration;
    }
}
