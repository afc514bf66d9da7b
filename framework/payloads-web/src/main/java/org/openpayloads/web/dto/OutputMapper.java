package org.openpayloads.web.dto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.mapping.MappingResult;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.port.Page;

/**
 * Turns model records into response DTOs. Secrets only ever leave as the masks the engine made; a token's
 * value only in the answer that issued it.
 */
public final class OutputMapper {

    static final String BASE64 = "base64";

    private OutputMapper() {
    }

    public static IntegrationDto integration(Integration integration) {
        AuditInfo audit = integration.audit();
        return new IntegrationDto(integration.apiName(), integration.label(), integration.description(),
                integration.active(), integration.retentionDays(), audit.createdAt(), audit.createdBy(), audit.modifiedAt(), audit.modifiedBy(),
                audit.version());
    }

    public static PayloadDto payload(Payload payload) {
        AuditInfo audit = payload.audit();
        return new PayloadDto(payload.apiName(), payload.label(), payload.description(), name(payload.direction()),
                name(payload.kind()), name(payload.contentType()), payload.allowPartialSuccess(), payload.active(),
                auth(payload.auth()), payload.dedupeKey(), payload.orderingKey(), payload.syncResponse(),
                name(payload.whenInactive()), payload.redactPaths(), payload.endpointUrl(),
                name(payload.httpMethod()), payload.credential(), elements(payload.elements()),
                payload.targets().stream().map(OutputMapper::target).toList(),
                payload.sources().stream().map(OutputMapper::source).toList(),
                payload.expansions().stream().map(e -> new ExpansionDto(e.path(), e.credential(), e.resource(),
                        e.optional())).toList(),
                polling(payload.polling()), audit.createdAt(), audit.createdBy(), audit.modifiedAt(),
                audit.modifiedBy(), audit.version());
    }

    private static @Nullable PollingDto polling(@Nullable Polling polling) {
        return polling == null ? null : new PollingDto(polling.trigger(), polling.intervalSeconds(),
                polling.backfillFrom() == null ? null : polling.backfillFrom().toString(), new TreeMap<>(polling.options()));
    }

    public static List<ElementDto> elements(List<Element> elements) {
        return elements.stream().map(OutputMapper::element).toList();
    }

    public static ElementDto element(Element element) {
        return new ElementDto(element.name(), element.path(), name(element.dataType()), element.required(),
                element.repeated(), elements(element.children()));
    }

    public static TargetDto target(Target target) {
        return new TargetDto(target.apiName(), target.label(), target.order(), target.object(),
                name(target.operation()), target.externalIdField(), target.matchFields(), name(target.whenPresent()),
                target.condition(), target.repeatPath(), mappings(target.mappings()), name(target.onTooLong()));
    }

    public static SourceDto source(Source source) {
        return new SourceDto(source.apiName(), source.label(), source.order(), source.object(), source.filter(),
                source.query(), mappings(source.mappings()));
    }

    public static CredentialDto credential(Credential credential) {
        AuditInfo audit = credential.audit();
        return new CredentialDto(credential.apiName(), credential.label(), name(credential.type()),
                new TreeMap<>(credential.attributes()), new TreeMap<>(credential.maskedSecrets()),
                audit.createdAt(), audit.createdBy(), audit.modifiedAt(), audit.modifiedBy(), audit.version());
    }

    /** @param withRequest whether to show the raw request, as the detail of one job does */
    public static JobDto job(Job job, boolean withRequest) {
        return new JobDto(job.id(), job.jobNumber(), job.integration(), job.payload(), name(job.direction()),
                name(job.status()), name(job.source()), job.source().label(), job.receivedAt(), job.startedAt(),
                job.finishedAt(), job.nextAttemptAt(), job.attempts(), job.recordsProcessed(), job.responseCode(),
                job.error(), job.replayOf(), job.dedupeKey(), job.orderingKey(),
                job.results().stream().map(OutputMapper::result).toList(),
                withRequest ? job.history().stream().map(OutputMapper::attempt).toList() : null,
                withRequest && job.request() != null ? request(job.request()) : null);
    }

    static JobAttemptDto attempt(JobAttempt attempt) {
        return new JobAttemptDto(attempt.number(), attempt.worker(), attempt.startedAt(), attempt.finishedAt(),
                attempt.duration().toMillis(), attempt.end().name(), attempt.error());
    }

    public static JobPage jobs(Page<Job> page) {
        return new JobPage(page.items().stream().map(job -> job(job, false)).toList(), page.page(), page.size(),
                page.total());
    }

    /** @param value the token itself, only when it was just issued */
    public static TokenDto token(AdminToken token, @Nullable String value) {
        return new TokenDto(token.id(), token.name(), token.prefix(), token.createdAt(), token.createdBy(),
                token.lastUsedAt(), token.revokedAt(), token.active(), value);
    }

    public static ValidationDto validation(List<FieldError> problems) {
        return new ValidationDto(problems.isEmpty(), problems.stream().map(FieldErrorDto::of).toList());
    }

    static JobRequestDto request(JobRequest request) {
        byte[] body = request.body();
        Map<String, String> headers = new LinkedHashMap<>(new TreeMap<>(request.headers()));
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return new JobRequestDto(request.contentType(), headers, text, null);
        } catch (CharacterCodingException notUtf8) {
            return new JobRequestDto(request.contentType(), headers, Base64.getEncoder().encodeToString(body), BASE64);
        }
    }

    private static InboundAuthDto auth(InboundAuth auth) {
        return new InboundAuthDto(name(auth.type()), auth.credential(), auth.headerName(), auth.signedContent(),
                auth.signatureEncoding(), auth.toleranceSeconds());
    }

    private static List<FieldMappingDto> mappings(List<FieldMapping> mappings) {
        return mappings.stream().map(OutputMapper::mapping).toList();
    }

    private static FieldMappingDto mapping(FieldMapping mapping) {
        return new FieldMappingDto(mapping.field(), name(mapping.sourceType()), mapping.value(), mapping.reference(),
                mapping.lookupMatchField(), mapping.lookupReturnField(), name(mapping.nullRule()),
                new TreeMap<>(mapping.valueMap()), mapping.defaultValue());
    }

    public static PreviewDto preview(MappingResult result) {
        return new PreviewDto(result.status().name(),
                result.operations().stream().map(o -> new PreviewDto.OperationDto(o.target(), o.index(), o.object(),
                        o.action().name(), o.externalIdField(), o.recordId(), o.match(), o.fields(), o.reason()))
                        .toList(),
                result.lookups().stream().map(l -> new PreviewDto.LookupDto(l.target(), l.index(), l.field(),
                        l.object(), l.matchField(), l.value(), l.returnField(), l.result(), l.cached())).toList(),
                result.results().stream().map(OutputMapper::result).toList());
    }

    public static TargetResultDto result(TargetResult result) {
        return new TargetResultDto(result.target(), result.index(), result.object(), result.operation(),
                result.recordId(), result.created(), result.success(), result.errorCode(), result.message());
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
