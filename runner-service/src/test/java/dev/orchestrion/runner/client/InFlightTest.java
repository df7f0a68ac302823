package dev.orchestrion.runner.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class InFlightTest {

    @Test
    void concurrentCallersShareOneCallAndAllGetItsAnswer() {
        InFlight<String> inFlight = new InFlight<>();
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(inFlight.get("key", () -> Uni.createFrom().item(() -> "answer " + calls.incrementAndGet())
                    .onItem().delayIt().by(Duration.ofMillis(100))).subscribeAsCompletionStage());
        }
        List<String> values = answers.stream().map(CompletableFuture::join).distinct().toList();
        assertThat(values).containsExactly("answer 1");
        assertThat(calls).hasValue(1);
        assertThat(inFlight.get("key", () -> Uni.createFrom().item("fresh")).await().indefinitely()).isEqualTo("fresh");
    }

    @Test
    void aFailureReachesEveryCallerAndIsNotKept() {
        InFlight<String> inFlight = new InFlight<>();
        CompletableFuture<String> first = inFlight
                .get("key",
                        () -> Uni.createFrom().<String>failure(new IllegalStateException("down")).onFailure()
                                .call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50))))
                .subscribeAsCompletionStage();
        assertThat(first).failsWithin(Duration.ofSeconds(5));
        assertThat(inFlight.get("key", () -> Uni.createFrom().item("ok")).await().indefinitely()).isEqualTo("ok");
    }
}
