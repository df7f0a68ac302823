package dev.orchestrion.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs one consumer's handler over consumed records so that one bad record cannot hold a partition:
 * <ul>
 * <li>a dependency failure ({@link RecordFailures#isDependencyFailure}) retries the same records in place, with
 * backoff and a log line per retry, for as long as it lasts: nothing is skipped while the database or a peer is
 * down;</li>
 * <li>any other failure of a batch re-runs its records one by one (handlers are idempotent), so the records that
 * fail on their own are found; each is handed to the {@link DeadLetterSink} (stored, published to
 * {@code <topic>.dlq}), logged once at WARN and counted, and the partition moves on.</li>
 * </ul>
 * A guard without a sink (a per-instance view such as a cache, whose records a shared consumer group also reads and
 * dead-letters) logs, counts and skips the bad record instead.
 */
public final class ConsumerGuard {

    private static final Logger LOG = Logger.getLogger(ConsumerGuard.class);

    private final String consumer;
    private final BatchHandler handler;
    private final DeadLetterSink sink;
    private final MeterRegistry meters;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    ConsumerGuard(String consumer, BatchHandler handler, DeadLetterSink sink, MeterRegistry meters,
            Duration initialBackoff, Duration maxBackoff) {
        this.consumer = consumer;
        this.handler = handler;
        this.sink = sink;
        this.meters = meters;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public String consumer() {
        return consumer;
    }

    /** Processes the records in order; completes once each is processed, dead-lettered or skipped. */
    public Uni<Void> process(Iterable<ConsumerRecord<String, String>> consumed) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumed.forEach(records::add);
        return process(records);
    }

    /** Runs the handler once over one record, without retries or dead-lettering: an operator's replay. */
    public Uni<Void> replay(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> handler.handle(List.of(record)));
    }

    private Uni<Void> process(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retryingDependencies(records, () -> handler.handle(records)).onFailure().recoverWithUni(failure -> {
            if (records.size() == 1) {
                return reject(records.get(0), failure);
            }
            LOG.debugf("Consumer %s: a batch of %d records failed (%s); processing them one by one", consumer,
                    records.size(), failure.getMessage());
            return Multi.createFrom().iterable(records).onItem()
                    .transformToUniAndConcatenate(record -> process(List.of(record))).collect().last()
                    .replaceWithVoid();
        });
    }

    private Uni<Void> retryingDependencies(List<ConsumerRecord<String, String>> records,
            java.util.function.Supplier<Uni<? extends Void>> work) {
        AtomicInteger attempts = new AtomicInteger();
        return Uni.createFrom().<Void>deferred(work).onFailure(RecordFailures::isDependencyFailure).invoke(e -> {
            ConsumerRecord<String, String> first = records.get(0);
            LOG.warnf("Consumer %s: a dependency is unavailable (%s); retrying %d record(s) from %s-%d@%d (retry %d)",
                    consumer, RejectedRecord.printable(String.valueOf(e.getMessage())), records.size(), first.topic(),
                    first.partition(), first.offset(), attempts.incrementAndGet());
            meters.counter("orchestrion.consumer.retries", "consumer", consumer).increment();
        }).onFailure(RecordFailures::isDependencyFailure).retry().withBackOff(initialBackoff, maxBackoff)
                .indefinitely();
    }

    private Uni<Void> reject(ConsumerRecord<String, String> record, Throwable failure) {
        RejectedRecord rejected = new RejectedRecord(consumer, record, failure);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (sink == null) {
            LOG.warnf("Consumer %s skipped %s (tenant %s, type %s): %s", consumer, where, rejected.tenant(),
                    RejectedRecord.printable(CloudEventHeaders.type(record)), rejected.reason());
            count(record, "skipped");
            return Uni.createFrom().voidItem();
        }
        return retryingDependencies(List.of(record), () -> sink.deadLetter(rejected)).invoke(() -> {
            LOG.warnf("Consumer %s dead-lettered %s to %s.dlq (tenant %s, type %s, id %s): %s", consumer, where,
                    record.topic(), rejected.tenant(), RejectedRecord.printable(CloudEventHeaders.type(record)),
                    RejectedRecord.printable(CloudEventHeaders.id(record)), rejected.reason());
            count(record, "dead-lettered");
        }).onFailure().recoverWithUni(e -> {
            // The sink failed for a reason of its own: keeping the partition moving matters more than this record.
            LOG.errorf(e, "Consumer %s could not dead-letter %s (%s); skipped it", consumer, where, rejected.reason());
            count(record, "lost");
            return Uni.createFrom().voidItem();
        });
    }

    private void count(ConsumerRecord<String, String> record, String outcome) {
        meters.counter("orchestrion.consumer.rejected", "consumer", consumer, "topic", record.topic(), "outcome",
                outcome).increment();
    }
}
