package dev.orchestrion.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.orchestrion.localstack.KafkaNode;

/**
 * A KRaft Kafka broker started by the test JVM on fixed free ports, with its log in a directory that a stop and start
 * keep, so that a restarted broker has every topic and record it had (as {@link EmbeddedTestPostgres} does for
 * PostgreSQL).
 */
final class EmbeddedTestKafka implements TestKafka {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final String bootstrapServers;
    private KafkaNode node;

    EmbeddedTestKafka() {
        try {
            logDir = Files.createTempDirectory("orchestrion-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Chosen once: a restart must listen where clients and the KRaft quorum expect it.
        port = freePort();
        controllerPort = freePort();
        node = KafkaNode.start(logDir, port, controllerPort);
        bootstrapServers = node.bootstrapServers();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "test-kafka-stop"));
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean stoppable() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    @Override
    public synchronized void start() {
        if (node == null) {
            node = KafkaNode.start(logDir, port, controllerPort);
        }
    }

    private synchronized void close() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // the JVM is exiting
        }
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for Kafka", e);
        }
    }
}
