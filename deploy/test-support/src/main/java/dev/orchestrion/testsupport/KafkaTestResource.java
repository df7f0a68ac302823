package dev.orchestrion.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service under test at the shared Kafka broker, with the platform's topics created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped when the JVM exits
    }
}
