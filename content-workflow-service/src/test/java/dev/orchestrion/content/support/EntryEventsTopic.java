package dev.orchestrion.content.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.testsupport.EventContracts;
import dev.orchestrion.testsupport.TestInfrastructure;

/**
 * Reads {@code content.entry-events} from the beginning, as a consumer would, and checks every record it returns
 * against the event contract.
 */
public final class EntryEventsTopic implements AutoCloseable {

    public static final String TOPIC = "content.entry-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One consumed event: its CloudEvents headers, key and data. */
    public record Event(String key, Map<String, String> headers, JsonNode data, int partition, long offset) {

        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public EntryEventsTopic() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(TOPIC, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until the entry's events match, each checked against the contract; answers them in order. */
    public List<Event> await(String entryId, Predicate<List<Event>> done) {
        Awaitility.await("events of entry " + entryId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    poll();
                    return done.test(of(entryId));
                });
        return of(entryId);
    }

    /** Waits for at least {@code count} events of the entry. */
    public List<Event> await(String entryId, int count) {
        return await(entryId, events -> events.size() >= count);
    }

    public List<String> types(String entryId) {
        return of(entryId).stream().map(Event::type).toList();
    }

    public synchronized List<Event> of(String entryId) {
        return seen.stream().filter(e -> entryId.equals(e.key())).toList();
    }

    private synchronized void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = EventContracts.assertCloudEvent(record);
            try {
                seen.add(new Event(record.key(), headers, JSON.readTree(record.value()), record.partition(),
                        record.offset()));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
