package dev.orchestrion.runner.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.events.CloudEvents;
import dev.orchestrion.runner.events.Topics;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.testsupport.EventContracts;

/**
 * The runner's outbox table through the shared relay: a row that nobody published right after its commit (the
 * runner died in between, or Kafka was down) is published by the sweep, as it was written, and then deleted.
 */
@QuarkusTest
class OutboxSweepTest {

    @Inject
    Pool pool;

    @Test
    void theSweepPublishesARowACrashLeftBehindAndDeletesIt() {
        UUID runId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", runId.toString());
        data.put("tenant", "sweep");
        data.put("requestedAt", now.toString());
        data.put("reason", "left behind by a crash");
        OutgoingRecord command = CloudEvents.record(Topics.RUN_COMMANDS, runId.toString(), eventId,
                "dev.orchestrion.run.cancel", now, runId.toString(), "sweep", data);
        // Written a minute ago, older than the sweep age: its writer is gone.
        long rowId = pool
                .preparedQuery("INSERT INTO outbox (created_at, records) VALUES "
                        + "(now() - interval '1 minute', $1::text::jsonb) RETURNING id")
                .execute(Tuple.of(Json.write(List.of(command)))).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong("id");

        ConsumerRecord<String, String> published = KafkaRecords.withEventId(Topics.RUN_COMMANDS, eventId.toString());

        EventContracts.assertCloudEvent(published);
        assertThat(published.key()).isEqualTo(runId.toString());
        assertThat(CloudEventHeaders.all(published)).isEqualTo(command.headers());
        assertThat(published.value()).isEqualTo(command.value());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pool.preparedQuery("SELECT count(*) FROM outbox WHERE id = $1").execute(Tuple.of(rowId))
                        .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == 0);
    }
}
