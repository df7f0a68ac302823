package dev.orchestrion.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures of one measurement: throughput of successful operations and latency percentiles in milliseconds, the
 * idle share of the machine over the measurement window ({@link CpuIdle}; null when not measured), and figures a
 * benchmark read over the same window ({@link LoadDriver.Alongside}, in the order to show them; a null value was
 * not readable). {@link #record()} appends it as one JSON line to {@code target/benchmarks/results.jsonl} (or
 * {@code -Dorchestrion.benchmarks.results=FILE}) for the report.
 */
public record BenchmarkResult(String name, String load, double seconds, long operations, long errors,
        double throughputPerSecond, double p50Millis, double p90Millis, double p99Millis, double maxMillis,
        Map<Integer, Long> statusCounts, Double idleShare, Map<String, Double> alongside, String measuredAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BenchmarkResult {
        // results written before these figures existed read as "not measured"
        alongside = alongside == null ? Map.of() : alongside;
    }

    static BenchmarkResult of(String name, String load, double seconds, Histogram micros, Map<Integer, Long> statuses,
            Double idleShare, Map<String, Double> alongside) {
        long ok = statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                .mapToLong(Map.Entry::getValue).sum();
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new BenchmarkResult(name, load, seconds, total, total - ok, ok / seconds,
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, new LinkedHashMap<>(statuses),
                idleShare, alongside, Instant.now().toString());
    }

    /** A copy under another name and load description (for results computed outside the driver). */
    public BenchmarkResult renamed(String newName, String newLoad) {
        return new BenchmarkResult(newName, newLoad, seconds, operations, errors, throughputPerSecond, p50Millis,
                p90Millis, p99Millis, maxMillis, statusCounts, idleShare, alongside, measuredAt);
    }

    public String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%-45s %-28s %9.1f ops/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms  errors %d %s  idle %s",
                name, load, throughputPerSecond, p50Millis, p90Millis, p99Millis, maxMillis, errors, statusCounts,
                idlePercent()));
        alongside.forEach((figure, value) -> line.append("; ").append(figure).append(' ').append(figure(value)));
        return line.toString();
    }

    /** The idle share as a percentage with one decimal ({@code 31.2 %}), or {@code n/a}. */
    public String idlePercent() {
        return idleShare == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", idleShare * 100);
    }

    /** A figure read alongside: whole numbers without decimals (a backlog), rates with one; {@code n/a} if unread. */
    public static String figure(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Prints the summary and appends the result to the results file. */
    public BenchmarkResult record() {
        System.out.println(summary());
        Path file = Path.of(System.getProperty("orchestrion.benchmarks.results", "target/benchmarks/results.jsonl"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(this) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
