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
        Map<String, String> environment = Map.of("ORCHESTRION_KAFKA_PORT", "29092", "ORCHESTRION_POSTGRES_PORT",
                "25432", "ORCHESTRION_MONGO_PORT", "27117");
        assertThat(LocalStack.Ports.from(environment::get)).isEqualTo(new LocalStack.Ports(29092, 29093, 25432, 27117));
        assertThat(LocalStack.Ports
                .from(Map.of("ORCHESTRION_KAFKA_PORT", "29092", "ORCHESTRION_KAFKA_CONTROLLER_PORT", "30000")::get)
                .kafkaController()).isEqualTo(30000);
    }
}
