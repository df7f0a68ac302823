package dev.orchestrion.cases.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orchestrion.testsupport.TestInfrastructure;

/** Reads {@code workflow.case-events} as a consumer would, from the beginning to what is there now. */
public final class CaseEventsTopic {

    public static final String TOPIC = "workflow.case-events";

    private CaseEventsTopic() {
    }

    /** Every record on the topic now, partition by partition (so each partition's order is kept). */
    public static List<ConsumerRecord<String, String>> all() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + TOPIC + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records whose key is one of {@code caseIds}, in the order of their partition. */
    public static List<ConsumerRecord<String, String>> of(Collection<UUID> caseIds) {
        List<String> keys = caseIds.stream().map(UUID::toString).toList();
        return all().stream().filter(r -> keys.contains(r.key())).toList();
    }

    /** Waits until at least {@code count} records match, then answers every matching record. */
    public static List<ConsumerRecord<String, String>> awaitMatching(Predicate<ConsumerRecord<String, String>> matching,
            int count) {
        List<List<ConsumerRecord<String, String>>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<ConsumerRecord<String, String>> now = all().stream().filter(matching).toList();
            found.clear();
            found.add(now);
            return now.size() >= count;
        });
        return found.get(0);
    }

    /** Waits for {@code count} events of the case. */
    public static List<ConsumerRecord<String, String>> awaitCase(UUID caseId, int count) {
        return awaitMatching(r -> caseId.toString().equals(r.key()), count);
    }
}
