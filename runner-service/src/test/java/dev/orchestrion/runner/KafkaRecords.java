package dev.orchestrion.runner;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orchestrion.runner.events.RunEventRecords;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.testsupport.TestInfrastructure;

/** Reads what is on a topic, from its beginning, as an outside consumer would. */
public final class KafkaRecords {

    private static final java.util.Set<String> TERMINAL = java.util.Set.of("dev.orchestrion.run.completed",
            "dev.orchestrion.run.failed", "dev.orchestrion.run.cancelled");

    private KafkaRecords() {
    }

    /** The events of one run on {@code workflow.run-events}, once at least {@code atLeast} are there. */
    public static List<ConsumerRecord<String, String>> runEvents(String runId, int atLeast) {
        return read("workflow.run-events", r -> runId.equals(r.key()), atLeast);
    }

    /** The records of one run on {@code workflow.run-events}, up to and including its terminal event. */
    public static List<ConsumerRecord<String, String>> runEventsUntilEnded(String runId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        read("workflow.run-events", r -> {
            if (runId.equals(r.key())) {
                found.add(r);
            }
            return TERMINAL.contains(CloudEventHeaders.type(r)) && runId.equals(r.key());
        }, 1);
        return found;
    }

    /**
     * The run events these records carry, as consumers see them: a progressed record (the lean stream) expanded into
     * the node events it holds, other records as they are.
     */
    public static List<RunEventRecords.RunEvent> expanded(List<ConsumerRecord<String, String>> records) {
        return records.stream().flatMap(r -> RunEventRecords.read(r).stream()).toList();
    }

    /** The record with this CloudEvents id. */
    public static ConsumerRecord<String, String> withEventId(String topic, String eventId) {
        return read(topic, r -> eventId.equals(CloudEventHeaders.id(r)), 1).get(0);
    }

    public static List<ConsumerRecord<String, String>> read(String topic,
            Predicate<ConsumerRecord<String, String>> which, int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (which.test(record)) {
                        found.add(record);
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    /**
     * Every record of {@code topic} that {@code which} accepts, read from the beginning up to the end offsets of the
     * moment of the call: what a test asserts is absent must have been written before that moment (a positive
     * signal first), and then this read proves it is not there.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic,
            Predicate<ConsumerRecord<String, String>> which) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            java.util.Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (which.test(record)) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return found;
    }

    /**
     * Waits until the consumer group has committed its offset past the record at {@code partition}/{@code offset} of
     * {@code topic}: the positive signal that the group consumed (and handled) it, before a test asserts that
     * handling it changed nothing.
     */
    public static void awaitConsumed(String group, String topic, int partition, long offset) {
        TopicPartition where = new TopicPartition(topic, partition);
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            await("group " + group + " past " + where + "@" + offset).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get().get(where);
                        return committed != null && committed.offset() > offset;
                    });
        }
    }

    public static void awaitConsumed(String group, RecordMetadata record) {
        awaitConsumed(group, record.topic(), record.partition(), record.offset());
    }

    public static void awaitConsumed(String group, ConsumerRecord<?, ?> record) {
        awaitConsumed(group, record.topic(), record.partition(), record.offset());
    }
}
