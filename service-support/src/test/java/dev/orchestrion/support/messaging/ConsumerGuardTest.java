package dev.orchestrion.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

class ConsumerGuardTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<RejectedRecord> deadLettered = Collections.synchronizedList(new ArrayList<>());
    private final DeadLetterSink sink = rejected -> {
        deadLettered.add(rejected);
        return Uni.createFrom().voidItem();
    };

    @Test
    void aBadRecordIsDeadLetteredAndEveryOtherRecordOfItsBatchIsProcessed() {
        Set<Long> processed = ConcurrentHashMap.newKeySet();
        ConsumerGuard guard = guard("c", records -> {
            for (ConsumerRecord<String, String> r : records) {
                if (r.value().equals("poison")) {
                    return Uni.createFrom().failure(new IllegalArgumentException("cannot store " + r.value()));
                }
            }
            records.forEach(r -> processed.add(r.offset()));
            return Uni.createFrom().voidItem();
        }, sink);

        guard.process(List.of(record(0, "a"), record(1, "poison"), record(2, "b"))).await()
                .atMost(Duration.ofSeconds(5));

        assertThat(processed).containsExactlyInAnyOrder(0L, 2L);
        assertThat(deadLettered).singleElement().satisfies(r -> {
            assertThat(r.record().offset()).isEqualTo(1L);
            assertThat(r.consumer()).isEqualTo("c");
            assertThat(r.tenant()).isEqualTo("acme");
            assertThat(r.reason()).contains("IllegalArgumentException").contains("cannot store poison");
        });
        assertThat(meters
                .counter("orchestrion.consumer.rejected", "consumer", "c", "topic", "t", "outcome", "dead-lettered")
                .count()).isEqualTo(1.0);
    }

    @Test
    void aDependencyOutageIsRetriedInPlaceAndNothingIsDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        ConsumerGuard guard = guard("c",
                records -> calls.incrementAndGet() <= 3
                        ? Uni.createFrom().failure(new ConnectException("database down"))
                        : Uni.createFrom().voidItem(),
                sink);

        guard.process(List.of(record(0, "a"), record(1, "b"))).await().atMost(Duration.ofSeconds(5));

        assertThat(calls).hasValue(4);
        assertThat(deadLettered).isEmpty();
        assertThat(meters.counter("orchestrion.consumer.retries", "consumer", "c").count()).isEqualTo(3.0);
    }

    @Test
    void aSinkThatIsDownIsRetriedUntilTheRecordIsKept() {
        AtomicInteger attempts = new AtomicInteger();
        DeadLetterSink flaky = rejected -> attempts.incrementAndGet() <= 2
                ? Uni.createFrom().failure(new ConnectException("broker down"))
                : sink.deadLetter(rejected);
        ConsumerGuard guard = guard("c", records -> Uni.createFrom().failure(new IllegalStateException("bad")), flaky);

        guard.process(List.of(record(7, "x"))).await().atMost(Duration.ofSeconds(5));

        assertThat(attempts).hasValue(3);
        assertThat(deadLettered).extracting(r -> r.record().offset()).containsExactly(7L);
    }

    @Test
    void withoutASinkABadRecordIsSkippedAndCounted() {
        List<Long> processed = new ArrayList<>();
        ConsumerGuard guard = guard("cache", records -> {
            for (ConsumerRecord<String, String> r : records) {
                if (r.value().equals("poison")) {
                    throw new IllegalArgumentException("unreadable");
                }
            }
            records.forEach(r -> processed.add(r.offset()));
            return Uni.createFrom().voidItem();
        }, null);

        guard.process(List.of(record(0, "a"), record(1, "poison"), record(2, "b"))).await()
                .atMost(Duration.ofSeconds(5));

        assertThat(processed).containsExactly(0L, 2L);
        assertThat(
                meters.counter("orchestrion.consumer.rejected", "consumer", "cache", "topic", "t", "outcome", "skipped")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aReplayRunsTheHandlerOnceAndReportsItsFailure() {
        AtomicInteger calls = new AtomicInteger();
        ConsumerGuard guard = guard("c", records -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new ConnectException("down"));
        }, sink);

        Throwable failure = guard.replay(record(3, "x")).map(ignored -> (Throwable) null).onFailure()
                .recoverWithItem(e -> e).await().atMost(Duration.ofSeconds(5));

        assertThat(failure).isInstanceOf(ConnectException.class);
        assertThat(calls).hasValue(1);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void textAStoreCannotHoldIsMadePrintable() {
        assertThat(RejectedRecord.printable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(RejectedRecord.printable("lone \uD800 surrogate")).isEqualTo("lone \uFFFD surrogate");
        assertThat(RejectedRecord.printable("pair \uD83D\uDE00 ok")).isEqualTo("pair \uD83D\uDE00 ok");
        assertThat(RejectedRecord.printable("plain")).isEqualTo("plain");
        ConsumerRecord<String, String> nulTenant = new ConsumerRecord<>("t", 0, 0, "k", "v");
        nulTenant.headers().add("ce_tenant", "ac\u0000me".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new RejectedRecord("c", nulTenant, new IllegalStateException()).tenant()).isNull();
    }

    private ConsumerGuard guard(String name, BatchHandler handler, DeadLetterSink sink) {
        return new ConsumerGuard(name, handler, sink, meters, Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, offset, "k" + offset, value);
        record.headers().add("ce_tenant", "acme".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record;
    }
}
