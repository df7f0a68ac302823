package dev.orchestrion.runner.observability;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.StepRecord;

/**
 * The runner's own metrics, as operators read them on {@code /q/metrics} (names in docs/operations.md): runs started
 * and ended per definition and outcome, run and node latency histograms and webhook delivery attempts. The outbox
 * metrics come from the shared relay loop, Kafka consumer lag and HTTP server metrics from Quarkus's Micrometer
 * binders.
 */
@ApplicationScoped
public class RunMetrics {

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run's Start command was executed. */
    public void started(Run run) {
        Counter.builder("orchestrion.runs.started").description("Runs whose execution started")
                .tag("definition", run.definitionId.toString()).register(registry).increment();
    }

    /** A run reached COMPLETED, FAILED or CANCELLED: counted, and its request-to-end latency recorded. */
    public void ended(Run run) {
        String status = run.status.name().toLowerCase();
        String definition = run.definitionId.toString();
        Counter.builder("orchestrion.runs.ended").description("Runs that ended, by outcome")
                .tag("definition", definition).tag("status", status).register(registry).increment();
        if (run.createdAt != null && run.endedAt != null) {
            Timer.builder("orchestrion.run.duration").description("From run request to the run's end")
                    .tag("definition", definition).tag("status", status).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                    .register(registry).record(Duration.between(run.createdAt, run.endedAt));
        }
    }

    /** One node execution that finished (completed or failed). */
    public void node(StepRecord step) {
        Long millis = step.durationMillis();
        if (millis == null) {
            return;
        }
        Timer.builder("orchestrion.node.duration").description("Node execution time, by node type and outcome")
                .tag("type", step.nodeType()).tag("status", step.status().name().toLowerCase())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry).record(Duration.ofMillis(millis));
    }

    /** One webhook delivery attempt: {@code outcome} is succeeded, retrying or dead. */
    public void deliveryAttempt(String outcome) {
        Counter.builder("orchestrion.webhook.attempts").description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
