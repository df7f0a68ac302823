package dev.orchestrion.testsupport;

/** A Kafka broker that runs elsewhere (an external server or a container): tests can use it, not stop it. */
record ExternalTestKafka(String bootstrapServers) implements TestKafka {
}
