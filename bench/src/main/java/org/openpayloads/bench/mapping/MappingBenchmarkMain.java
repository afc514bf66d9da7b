package org.openpayloads.bench.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MappingBenchmark} with JMH and prints its figures as a Markdown table, with the engine's throughput
 * as a share of the hand-written mapper's for each pair, also by CPU time per operation ({@link CpuTimeProfiler},
 * always on). Takes JMH's own command-line options ({@code -f}, {@code -wi}, {@code -prof gc}…); a run fails as
 * soon as a benchmark, its setup or its teardown fails.
 */
public final class MappingBenchmarkMain {

    /** The engine must reach this share of the hand-written mapper's throughput. */
    private static final double TARGET = 0.80;
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final String CPU_TIME = "cpu.time.norm";
    private static final String CPU_SHARE = "cpu.share";

    private MappingBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).shouldFailOnError(true)
                .addProfiler(CpuTimeProfiler.class);
        if (cli.getIncludes().isEmpty()) {
            options.include(Pattern.quote(MappingBenchmark.class.getName()) + "\\.");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        results.forEach(r -> byName.put(shortName(r), r));
        System.out.println();
        System.out.println("RESULT mapping: Stripe charge.succeeded -> Account, 12 fields");
        System.out.println("| Benchmark | Throughput (ops/s) | CPU time (ns/op) | Allocated (B/op) | CPU share |");
        System.out.println("|---|---:|---:|---:|---:|");
        byName.forEach((name, result) -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name,
                scored(result.getPrimaryResult()), scored(secondary(result, CPU_TIME)),
                scored(secondary(result, ALLOCATION)), shared(secondary(result, CPU_SHARE))));
        System.out.println();
        ratio(byName, "from bytes (parse + map)", "bytesEngine", "bytesHandWritten");
        ratio(byName, "from tree (map only)", "treeEngine", "treeHandWritten");
        ratio(byName, "parse only", "parseOnlyEngine", "parseOnlyJackson");
    }

    private static String shortName(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** A score with its 99.9 % error, or n/a when the profiler that gives it did not run. */
    private static String scored(@Nullable Result<?> result) {
        if (result == null) {
            return "n/a";
        }
        return Double.isNaN(result.getScoreError()) ? String.format(Locale.ROOT, "%,.0f", result.getScore())
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore(), result.getScoreError());
    }

    private static String shared(@Nullable Result<?> result) {
        return result == null ? "n/a" : String.format(Locale.ROOT, "%.2f", result.getScore());
    }

    @SuppressWarnings("rawtypes") // JMH gives the secondary results as raw Results
    private static @Nullable Result<?> secondary(RunResult result, String label) {
        // Older JMH versions prefix the label with a middle dot.
        for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith(label)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Prints engine / baseline by throughput, with an error from both scores' errors (first order), and by CPU time
     * per operation (baseline / engine, so that both read as the engine's share of the baseline's speed).
     */
    private static void ratio(Map<String, RunResult> results, String what, String engineName, String baselineName) {
        RunResult engine = results.get(engineName);
        RunResult baseline = results.get(baselineName);
        if (engine == null || baseline == null) {
            return;
        }
        Result<?> e = engine.getPrimaryResult();
        Result<?> b = baseline.getPrimaryResult();
        double ratio = e.getScore() / b.getScore();
        double error = ratio * Math.hypot(relativeError(e), relativeError(b));
        String verdict = what.startsWith("parse") ? "" : ratio >= TARGET ? "; target >= 80 %: met"
                : "; target >= 80 %: NOT met";
        System.out.printf(Locale.ROOT, "RATIO %-24s %s / %s: throughput %.1f %% ± %.1f%s%n", what, engineName,
                baselineName, 100 * ratio, 100 * error, verdict);
        Result<?> engineCpu = secondary(engine, CPU_TIME);
        Result<?> baselineCpu = secondary(baseline, CPU_TIME);
        if (engineCpu != null && baselineCpu != null) {
            double cpuRatio = baselineCpu.getScore() / engineCpu.getScore();
            double cpuError = cpuRatio * Math.hypot(relativeError(engineCpu), relativeError(baselineCpu));
            System.out.printf(Locale.ROOT, "RATIO %-24s %s / %s: by CPU time %.1f %% ± %.1f%n", what, engineName,
                    baselineName, 100 * cpuRatio, 100 * cpuError);
        }
    }

    private static double relativeError(Result<?> result) {
        double error = result.getScoreError();
        return Double.isNaN(error) ? 0 : error / result.getScore();
    }
}
