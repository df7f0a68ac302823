package dev.orchestrion.testsupport;

/**
 * The Kafka broker tests use, wherever it runs: embedded in this JVM, a container, or an external broker named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}. Only the embedded one can be stopped and started again by a test (to show that
 * nothing is lost while Kafka is away).
 */
public interface TestKafka {

    String bootstrapServers();

    /** Whether this broker belongs to the test JVM, so a test may stop and start it. */
    default boolean stoppable() {
        return false;
    }

    /** Shuts the broker down; clients see it gone until {@link #start()}. */
    default void stop() {
        throw new UnsupportedOperationException("This Kafka broker is not owned by the test JVM");
    }

    /** Starts the broker again on the same ports and log directory, with every topic and record it had. */
    default void start() {
        throw new UnsupportedOperationException("This Kafka broker is not owned by the test JVM");
    }
}
