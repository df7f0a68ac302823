package dev.orchestrion.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The load driver measures what a client would see, not its own scheduling. */
class LoadDriverTest {

    @Test
    void aFixedRateSendsEachRequestWhenItIsDueSoAnInstantAnswerMeasuresNearZero() throws InterruptedException {
        // 10/s: a request sent one interval late would read 100 ms for an answer that takes none.
        BenchmarkResult result = LoadDriver.fixedRate("instant", 10, Duration.ofMillis(300), Duration.ofSeconds(2),
                () -> CompletableFuture.completedFuture(200));

        assertThat(result.operations()).isBetween(19L, 21L);
        assertThat(result.p50Millis()).isLessThan(50.0);
        assertThat(result.errors()).isZero();
    }
}
