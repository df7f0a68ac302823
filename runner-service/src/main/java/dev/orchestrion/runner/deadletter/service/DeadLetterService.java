package dev.orchestrion.runner.deadletter.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.deadletter.model.DeadLetter;
import dev.orchestrion.runner.deadletter.repository.DeadLetterRepository;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;
import dev.orchestrion.support.messaging.DeadLetterSink;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.messaging.RecordFailures;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.messaging.RejectedRecord;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.problem.ProblemException;

/**
 * The runner's dead letters: records its shared consumer groups gave up on are stored in {@code dead_letters} and
 * published to {@code <topic>.dlq} (the error in the {@code dlq-*} headers). Operators list them and replay one
 * after a fix; a replay runs the same consumer's handler over the stored record once, is recorded, and a dead letter
 * that was replayed successfully is never run again.
 */
@ApplicationScoped
public class DeadLetterService implements DeadLetterSink {

    private static final int MAX_ATTRIBUTE = 300;

    private final Pool pool;
    private final DeadLetterRepository letters;
    private final RecordProducer producer;
    private final ConsumerGuards guards;

    public DeadLetterService(Pool pool, DeadLetterRepository letters, RecordProducer producer, ConsumerGuards guards) {
        this.pool = pool;
        this.letters = letters;
        this.producer = producer;
        this.guards = guards;
    }

    @Override
    public Uni<Void> deadLetter(RejectedRecord rejected) {
        ConsumerRecord<String, String> record = rejected.record();
        Instant now = Instant.now();
        DeadLetter letter = new DeadLetter(idOf(rejected.consumer(), record), rejected.consumer(), record.topic(),
                record.partition(), record.offset(), rejected.tenant(), attribute(CloudEventHeaders.type(record)),
                attribute(CloudEventHeaders.id(record)), utf8(record.key()), CloudEventHeaders.all(record),
                utf8(record.value()), rejected.reason(), now, DeadLetter.Status.DEAD, 0, null, null, null);
        Map<String, String> headers = new LinkedHashMap<>(letter.headers());
        headers.put("dlq-consumer", rejected.consumer());
        headers.put("dlq-reason", letter.error());
        headers.put("dlq-at", now.toString());
        headers.put("dlq-topic", record.topic());
        headers.put("dlq-partition", String.valueOf(record.partition()));
        headers.put("dlq-offset", String.valueOf(record.offset()));
        return letters.insert(pool, letter).chain(() -> producer
                .send(List.of(new OutgoingRecord(record.topic() + ".dlq", record.key(), headers, record.value()))));
    }

    /** The dead letters the caller may see: its tenant's, and with {@code platform} also those without a tenant. */
    public Uni<Page<DeadLetter>> list(String tenant, boolean platform, String consumer, String topic,
            DeadLetter.Status status, int page, int size) {
        return letters.page(pool, tenant, platform, consumer, topic, status, page, size);
    }

    public Uni<DeadLetter> get(String tenant, boolean platform, UUID id) {
        return letters.find(pool, tenant, platform, id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Dead letter", id));
    }

    /**
     * Replays a dead letter once through the consumer that gave up on it. Answers it as recorded after the replay;
     * fails with 422 when the record still fails on its own (the attempt is recorded) and 503 when a dependency is
     * unavailable. A dead letter already replayed is answered as it is, without running anything.
     */
    public Uni<DeadLetter> replay(String tenant, boolean platform, UUID id, String actor) {
        return get(tenant, platform, id)
                .chain(visible -> pool.withTransaction(tx -> letters.lock(tx, id).chain(letter -> {
                    if (letter.status() == DeadLetter.Status.REPLAYED) {
                        return Uni.createFrom().item(new Replay(letter, null));
                    }
                    Optional<ConsumerGuard> guard = guards.find(letter.consumer());
                    if (guard.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "No consumer " + letter.consumer() + " runs in this service to replay the record"));
                    }
                    return guard.get().replay(recordOf(letter)).map(ignored -> (Throwable) null).onFailure()
                            .recoverWithItem(failure -> failure).chain(
                                    failure -> letters
                                            .recordReplay(tx, id, Instant.now(), actor,
                                                    failure == null
                                                            ? null
                                                            : new RejectedRecord(letter.consumer(), recordOf(letter),
                                                                    failure).reason())
                                            .map(recorded -> new Replay(recorded, failure)));
                }))).map(replay -> {
                    if (replay.failure() == null) {
                        return replay.letter();
                    }
                    if (RecordFailures.isDependencyFailure(replay.failure())) {
                        throw ProblemException.unavailable("The replay could not run now ("
                                + replay.letter().lastReplayError() + "); try again shortly");
                    }
                    throw ProblemException.unprocessable("The record still fails: " + replay.letter().lastReplayError(),
                            List.of());
                });
    }

    private record Replay(DeadLetter letter, Throwable failure) {
    }

    /** The stored record as its consumer received it. */
    static ConsumerRecord<String, String> recordOf(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        letter.headers().forEach(
                (name, value) -> headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        String key = letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8);
        String value = letter.payload() == null ? null : new String(letter.payload(), StandardCharsets.UTF_8);
        return new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(),
                letter.deadLetteredAt().toEpochMilli(), TimestampType.CREATE_TIME, -1, -1, key, value, headers,
                Optional.empty());
    }

    /** Stable per consumer and record, so a record dead-lettered again after a redelivery keeps its id. */
    static UUID idOf(String consumer, ConsumerRecord<?, ?> record) {
        return UUID.nameUUIDFromBytes(
                (consumer + "\n" + record.topic() + "\n" + record.partition() + "\n" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String attribute(String value) {
        String printable = RejectedRecord.printable(value);
        return printable == null || printable.length() <= MAX_ATTRIBUTE
                ? printable
                : printable.substring(0, MAX_ATTRIBUTE);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
