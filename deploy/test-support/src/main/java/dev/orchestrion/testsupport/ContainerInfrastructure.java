package dev.orchestrion.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers for the {@code containers} Maven profile; loaded only in that mode, as it needs a Docker engine. */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    static String kafkaBootstrapServers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    static TestPostgres postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17");
        postgres.start();
        return new ExternalTestPostgres(postgres.getHost(), postgres.getMappedPort(5432), postgres.getUsername(),
                postgres.getPassword());
    }

    static String mongoConnectionString() {
        MongoDBContainer mongo = new MongoDBContainer("mongo:7");
        mongo.start();
        return mongo.getConnectionString();
    }
}
