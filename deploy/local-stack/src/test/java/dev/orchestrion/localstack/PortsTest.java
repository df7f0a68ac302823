package dev.orchestrion.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void theDefaultsAreTheDocumentedPorts() {
        assertThat(LocalStack.Ports.from(name -> null)).isEqualTo(new LocalStack.Ports(19092, 19093, 15432, 17017));
    }

    @Test
    void movingKafkaMovesItsControllerToo() {
        // a second stack beside the first (the end-to-end and fuzz modules run one) must not bind 19093 again
        Map<String, String> environment = Map.of("ORCHESTRION_KAFKA_PORT", "39092", "ORCHESTRION_POSTGRES_PORT",
                "35432", "ORCHESTRION_MONGO_PORT", "37017");
        assertThat(LocalStack.Ports.from(environment::get)).isEqualTo(new LocalStack.Ports(39092, 39093, 35432, 37017));
        assertThat(LocalStack.Ports
                .from(Map.of("ORCHESTRION_KAFKA_PORT", "39092", "ORCHESTRION_KAFKA_CONTROLLER_PORT", "40000")::get)
                .kafkaController()).isEqualTo(40000);
    }
}
