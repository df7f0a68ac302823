package dev.orchestrion.localstack;

import java.nio.file.Path;
import java.util.Properties;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM. With a data directory its log survives restarts
 * (storage is formatted only once); without one it uses a temporary directory deleted on close.
 */
public final class KafkaNode implements AutoCloseable {

    /** Fixed so that a persistent log directory formatted once stays valid across restarts. */
    private static final String CLUSTER_ID = "b3JjaGVzdHJpb24tbG9jYWw";

    private final EmbeddedKafkaBroker broker;

    private KafkaNode(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on 127.0.0.1.
     *
     * @param logDir where the log lives, or null for a temporary directory
     * @param port the client port, 0 for a free one
     * @param controllerPort the KRaft controller port, 0 for a free one
     */
    public static KafkaNode start(Path logDir, int port, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().withKafkaHost("127.0.0.1").withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(logDir == null).withAdditionalProperties(props -> tune(props, logDir));
        if (port > 0) {
            broker.withKafkaPort(port);
        }
        if (controllerPort > 0) {
            broker.withControllerPort(controllerPort);
        }
        return new KafkaNode(broker.start());
    }

    private static void tune(Properties props, Path logDir) {
        if (logDir != null) {
            props.put("log.dir", logDir.toAbsolutePath().toString());
        }
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("offsets.topic.num.partitions", "4");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners();
    }

    @Override
    public void close() {
        broker.close();
    }
}
