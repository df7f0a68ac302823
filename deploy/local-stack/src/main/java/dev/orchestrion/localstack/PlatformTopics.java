package dev.orchestrion.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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
}
