package dev.orchestrion.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The report's tables show each measurement's idle share and the figures read alongside it. */
class BenchmarkReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BenchmarkResult result(String load, Double idle, Map<String, Double> alongside) {
        return new BenchmarkResult("binding", load, 30, 3000, 0, 100.0, 5.0, 8.0, 12.5, 40.0, Map.of(200, 3000L), idle,
                alongside, "2026-12-04T10:00:00Z");
    }

    @Test
    void everyRowHasItsIdleShareAndTheFiguresReadAlongsideGetTheirOwnTable() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("RunCompleted consumed/s", 99.84);
        figures.put("outbox backlog at start", 0.0);
        figures.put("outbox backlog at end", null);

        String md = BenchmarkReport.table(
                List.of(result("closed loop, 16 clients", 0.3123, figures), result("15/s fixed rate", null, Map.of())));

        assertThat(md).contains("| measurement | load | ops/s | p50 ms | p90 ms | p99 ms | max ms | errors | idle % |")
                .contains("| binding | closed loop, 16 clients | 100.0 | 5.00 | 8.00 | 12.50 | 40.0 | 0 | 31.2 |")
                .contains("| binding | 15/s fixed rate | 100.0 | 5.00 | 8.00 | 12.50 | 40.0 | 0 | - |")
                .contains(
                        "| measurement | load | RunCompleted consumed/s | outbox backlog at start | outbox backlog at end |")
                .contains("| binding | closed loop, 16 clients | 99.8 | 0 | n/a |")
                .contains("| binding | 15/s fixed rate | - | - | - |");
    }

    @Test
    void withoutFiguresAlongsideThereIsOnlyTheMainTable() {
        String md = BenchmarkReport.table(List.of(result("closed loop, 4 clients", 0.05, Map.of())));

        assertThat(md).contains("| 5.0 |").doesNotContain("Read over the same windows");
    }

    @Test
    void theResultsLineKeepsTheNewFiguresAndOlderLinesStillRead() throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("webhook deliveries/s", 98.5);
        figures.put("outbox backlog at end", 3.0);
        BenchmarkResult written = result("closed loop, 16 clients", 0.25, figures);

        BenchmarkResult read = JSON.readValue(JSON.writeValueAsString(written), BenchmarkResult.class);
        assertThat(read.idleShare()).isEqualTo(0.25);
        assertThat(read.alongside()).containsExactly(Map.entry("webhook deliveries/s", 98.5),
                Map.entry("outbox backlog at end", 3.0));
        assertThat(read.summary()).contains("idle 25.0 %").contains("webhook deliveries/s 98.5")
                .contains("outbox backlog at end 3");

        BenchmarkResult older = JSON.readValue("""
                {"name":"x","load":"closed loop, 4 clients","seconds":30.0,"operations":10,"errors":0,
                 "throughputPerSecond":0.3,"p50Millis":1.0,"p90Millis":2.0,"p99Millis":3.0,"maxMillis":4.0,
                 "statusCounts":{"200":10},"measuredAt":"2026-12-03T20:24:00Z"}""", BenchmarkResult.class);
        assertThat(older.idleShare()).isNull();
        assertThat(older.alongside()).isEmpty();
        assertThat(older.summary()).contains("idle n/a");
    }
}
