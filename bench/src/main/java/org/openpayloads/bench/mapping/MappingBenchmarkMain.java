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
 * as a share of the hand-written mapper's for each pair. Takes JMH's own command-line options ({@code -f},
 * {@code -wi}, {@code -prof gc}…); a run fails as soon as a benchmark, its setup or its teardown fails.
 */
public final class MappingBenchmarkMain {

    /** The engine must reach this share of the hand-written mapper's throughput. */
    private static final double TARGET = 0.80;
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private MappingBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).shouldFailOnError(true);
        if (cli.getIncludes().isEmpty()) {
            options.include(Pattern.quote(MappingBenchmark.class.getName()) + "\\.");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        results.forEach(r -> byName.put(shortName(r), r));
        System.out.println();
        System.out.println("RESULT mapping: Stripe charge.succeeded -> Account, 12 fields");
        System.out.println("| Benchmark | Throughput (ops/s) | Error (99.9 %) | Allocated (B/op) |");
        System.out.println("|---|---:|---:|---:|");
        byName.forEach((name, result) -> System.out.printf(Locale.ROOT, "| %s | %,.0f | ± %,.0f | %s |%n", name,
                result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(), allocation(result)));
        System.out.println();
        ratio(byName, "from bytes (parse + map)", "bytesEngine", "bytesHandWritten");
        ratio(byName, "from tree (map only)", "treeEngine", "treeHandWritten");
        ratio(byName, "parse only", "parseOnlyEngine", "parseOnlyJackson");
    }

    private static String shortName(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static String allocation(RunResult result) {
        Result<?> allocated = secondary(result, ALLOCATION);
        return allocated == null ? "n/a (add -prof gc)" : String.format(Locale.ROOT, "%,.0f ± %,.0f",
                allocated.getScore(), Double.isNaN(allocated.getScoreError()) ? 0 : allocated.getScoreError());
    }

    private static @Nullable Result<?> secondary(RunResult result, String label) {
        // Older JMH versions prefix the label with a middle dot.
        for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith(label)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Prints engine / baseline, with an error from both scores' errors (first order). */
    private static void ratio(Map<String, RunResult> results, String what, String engineName, String baselineName) {
        RunResult engine = results.get(engineName);
        RunResult baseline = results.get(baselineName);
        if (engine == null || baseline == null) {
            return;
        }
        double e = engine.getPrimaryResult().getScore();
        double b = baseline.getPrimaryResult().getScore();
        double ratio = e / b;
        double relative = Math.hypot(relativeError(engine), relativeError(baseline));
        String verdict = what.startsWith("parse") ? "" : ratio >= TARGET ? "  target >= 80 %: met"
                : "  target >= 80 %: NOT met";
        System.out.printf(Locale.ROOT, "RATIO %-26s %s / %s = %.1f %% ± %.1f%s%n", what, engineName, baselineName,
                100 * ratio, 100 * ratio * relative, verdict);
    }

    private static double relativeError(RunResult result) {
        double error = result.getPrimaryResult().getScoreError();
        return Double.isNaN(error) ? 0 : error / result.getPrimaryResult().getScore();
    }
}
