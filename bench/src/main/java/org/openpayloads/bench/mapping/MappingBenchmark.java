package org.openpayloads.bench.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;
import org.openpayloads.engine.mapping.LookupCache;
import org.openpayloads.engine.mapping.MappingCompiler;
import org.openpayloads.engine.mapping.MappingEngine;
import org.openpayloads.engine.mapping.MappingPlan;
import org.openpayloads.engine.mapping.MappingResult;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;

/**
 * The mapping engine against {@link HandWrittenChargeMapper}, on the same Stripe {@code charge.succeeded} event to
 * the same 12 Account fields, in one JMH run. Three pairs: from the body's bytes (parse included), from an
 * already-parsed tree (mapping alone), and the parse alone.
 *
 * <p>The engine side does what the inbound pipeline ({@code MappingService.run}) does for each body: parse with the
 * {@link BodyParser}, ask the {@link MappingCompiler} for the payload's plan (compiled once, in setup; a cache hit
 * from then on) and run it, against a {@link DiscardingRecordClient} that takes the upsert and costs nothing.
 * Setup fails unless the fields the engine writes equal the hand-written mapper's; teardown fails if any element
 * path was compiled after setup. The org refuses queries, so a run that needed one would fail too.
 *
 * <p>Run it with {@code bench/mapping.sh}, which also prints the engine/hand-written ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingBenchmark {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final MappingEngine engine = new MappingEngine(LookupCache.disabled(), (integration, credential) ->
            Optional.empty(), clock, ZoneOffset.UTC);
    private final BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);
    private final MappingCompiler compiler = new MappingCompiler(16);
    private final HandWrittenChargeMapper handWritten = new HandWrittenChargeMapper();
    private final ObjectMapper jackson = new ObjectMapper();

    private final byte[] body = ChargeToAccount.eventBytes();
    /** Both tree benchmarks map this one tree, which nothing changes. */
    private final JsonNode tree = parser.parse(ContentType.JSON, body, "application/json");
    private final Payload payload = ChargeToAccount.payload();
    private final DiscardingRecordClient org = new DiscardingRecordClient(ChargeToAccount.account());
    private long pathsCompiledAtSetup;

    /** Compiles the plan, once, and checks that both sides give the same fields. */
    @Setup(Level.Trial)
    public void setUp() {
        MappingPlan plan = compiler.plan(ChargeToAccount.INTEGRATION, payload);
        if (compiler.plan(ChargeToAccount.INTEGRATION, payload) != plan) {
            throw new IllegalStateException("the compiler made a second plan for an unchanged payload");
        }
        pathsCompiledAtSetup = compiler.pathsCompiled();
        checkSameFields();
    }

    /** Both sides must give the same 12 fields, from the bytes and from the tree, or the comparison means nothing. */
    private void checkSameFields() {
        Map<String, @Nullable Object> engineFields = upserted(bytesEngine());
        Map<String, Object> handFields = bytesHandWritten();
        if (engineFields.size() != 12 || !engineFields.equals(handFields)) {
            throw new IllegalStateException("The engine and the hand-written mapper disagree; expected 12 equal "
                    + "fields.\n  engine:       " + engineFields + "\n  hand-written: " + handFields);
        }
        if (!engineFields.equals(upserted(treeEngine())) || !handFields.equals(treeHandWritten())) {
            throw new IllegalStateException("Mapping the parsed tree gave other fields than mapping the bytes");
        }
        if (!tree.equals(parseOnlyJackson())) {
            throw new IllegalStateException("The body parser and plain Jackson gave different trees");
        }
        System.out.println("\nBody: " + body.length + " bytes. Fields (engine = hand-written): " + engineFields);
    }

    /** The fields of the one upsert a run made, by external id, as the org received them. */
    private Map<String, @Nullable Object> upserted(MappingResult result) {
        RecordWrite write = org.lastWrite();
        if (!result.succeeded() || result.results().size() != 1 || write == null || write.kind() != WriteKind.UPSERT
                || !ChargeToAccount.EXTERNAL_ID.equals(write.externalIdField())) {
            throw new IllegalStateException("Expected one upsert of Account by " + ChargeToAccount.EXTERNAL_ID
                    + "; the engine gave " + result + ", writing " + write);
        }
        return write.fields();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long compiled = compiler.pathsCompiled() - pathsCompiledAtSetup;
        if (compiled != 0) {
            throw new IllegalStateException(compiled + " element paths were compiled on the hot path; expected none "
                    + "after setup (" + pathsCompiledAtSetup + " paths)");
        }
        System.out.println("\nElement paths compiled: " + pathsCompiledAtSetup + " in setup, 0 while measured.");
    }

    /** What the inbound pipeline does per body: parse, plan (a cache hit), map, coerce and hand the upsert over. */
    @Benchmark
    public MappingResult bytesEngine() {
        JsonNode parsed = parser.parse(ContentType.JSON, body, "application/json");
        return engine.run(compiler.plan(ChargeToAccount.INTEGRATION, payload), parsed, org);
    }

    @Benchmark
    public Map<String, Object> bytesHandWritten() {
        return handWritten.map(body);
    }

    @Benchmark
    public MappingResult treeEngine() {
        return engine.run(compiler.plan(ChargeToAccount.INTEGRATION, payload), tree, org);
    }

    @Benchmark
    public Map<String, Object> treeHandWritten() {
        return handWritten.map(tree);
    }

    /** The engine's parse: strict charset decoding to a String, then Jackson with a nesting limit. */
    @Benchmark
    public JsonNode parseOnlyEngine() {
        return parser.parse(ContentType.JSON, body, "application/json");
    }

    @Benchmark
    public JsonNode parseOnlyJackson() {
        try {
            return jackson.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
