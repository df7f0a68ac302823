package dev.orchestrion.benchmarks.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A binding call counts only when it answers 200 with the run's expected result; the backlog is read off /q/metrics. */
class BindingBenchmarkTest {

    @Test
    void onlyA200WithTheExpectedResultForItsCallCounts() {
        assertThat(BindingBenchmark.counted(200, "{\"ok\":true,\"a\":\"yes\",\"b\":14}", 7)).isEqualTo(200);
        assertThat(BindingBenchmark.counted(200, "{\"b\":14,\"a\":\"yes\",\"ok\":true}", 7)).isEqualTo(200);

        // another call's result, a wrong field, an extra field, not JSON: a 200 that does not count
        assertThat(BindingBenchmark.counted(200, "{\"ok\":true,\"a\":\"yes\",\"b\":16}", 7)).isEqualTo(-200);
        assertThat(BindingBenchmark.counted(200, "{\"ok\":\"true\",\"a\":\"yes\",\"b\":14}", 7)).isEqualTo(-200);
        assertThat(BindingBenchmark.counted(200, "{\"ok\":true,\"a\":\"no\",\"b\":14}", 7)).isEqualTo(-200);
        assertThat(BindingBenchmark.counted(200, "{\"ok\":true,\"a\":\"yes\",\"b\":14,\"c\":1}", 7)).isEqualTo(-200);
        assertThat(BindingBenchmark.counted(200, "{}", 7)).isEqualTo(-200);
        assertThat(BindingBenchmark.counted(200, "not json", 7)).isEqualTo(-200);

        // accepted but not ended within responseTimeout: not a completed run
        assertThat(BindingBenchmark.counted(202, "{\"id\":\"r\",\"status\":\"RUNNING\"}", 7)).isEqualTo(-202);
        // failures keep their status
        assertThat(BindingBenchmark.counted(502, "{\"title\":\"The workflow failed\"}", 7)).isEqualTo(502);
        assertThat(BindingBenchmark.counted(429, "", 7)).isEqualTo(429);
    }

    @Test
    void theOutboxBacklogIsTheSumOfTheRunnersBacklogSamples() {
        String metrics = """
                # HELP orchestrion_outbox_backlog
                # TYPE orchestrion_outbox_backlog gauge
                orchestrion_outbox_backlog{outbox="runner",} 12.0
                orchestrion_outbox_backlog{outbox="webhooks",} 3.0
                orchestrion_outbox_published_total{outbox="runner",} 5000.0
                """;

        assertThat(BindingBenchmark.backlogIn(metrics)).isEqualTo(15.0);
        assertThat(BindingBenchmark.backlogIn("# nothing here\nhttp_server_requests_seconds_count 3.0\n")).isNull();
    }
}
