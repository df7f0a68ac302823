package dev.orchestrion.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** The platform's topic table (resource {@code platform-topics.properties}) with partition overrides applied. */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    /** Topic name to partition count, sorted by name. */
    public static Map<String, Integer> partitionsByTopic() {
        Properties defaults = new Properties();
        try (InputStream in = PlatformTopics.class.getResourceAsStream("/platform-topics.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> topics = new TreeMap<>();
        for (String topic : defaults.stringPropertyNames()) {
            String override = System.getProperty("orchestrion.partitions." + topic);
            topics.put(topic, Integer.parseInt(override != null ? override : defaults.getProperty(topic)));
        }
        return new LinkedHashMap<>(topics);
    }

    /** Creates the topics that are missing on the broker and grows those with fewer partitions than asked. */
    public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            Map<String, NewPartitions> grow = new HashMap<>();
            Map<String, TopicDescription> descriptions = admin
                    .describeTopics(partitionsByTopic.keySet().stream().filter(existing::contains).toList())
                    .allTopicNames().get();
            partitionsByTopic.forEach((topic, partitions) -> {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                } else if (descriptions.get(topic).partitions().size() < partitions) {
                    grow.put(topic, NewPartitions.increaseTo(partitions));
                }
            });
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    // on a loaded machine the admin client retries a create whose answer timed out: the first one made it
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
