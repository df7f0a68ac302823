package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** overlays/production-kafka-topics: every platform topic, replicated, with room to scale. */
@RequiresKubectl
class ProductionKafkaTopicsTest {

    @Test
    void everyPlatformTopicIsThereWithAtLeastTheDevelopmentPartitions() {
        Manifests topics = Kustomize.render("overlays/production-kafka-topics");
        Map<String, Integer> platform = Platform.topics();

        assertThat(topics.all("KafkaTopic")).hasSize(platform.size());
        platform.forEach((topic, devPartitions) -> assertThat(partitions(topic)).as(topic + " partitions")
                .isGreaterThanOrEqualTo(devPartitions));
        assertThat(partitions(Platform.RUN_COMMANDS)).isGreaterThanOrEqualTo(24);
        assertThat(partitions("workflow.run-events")).isGreaterThanOrEqualTo(24);
    }

    @Test
    void topicsSurviveTheLossOfABroker() {
        for (JsonNode topic : Kustomize.render("overlays/production-kafka-topics").all("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt();
            int minInSync = topic.path("spec").path("config").path("min.insync.replicas").asInt();
            assertThat(replicas).as(Manifests.name(topic) + " replicas").isGreaterThanOrEqualTo(3);
            assertThat(minInSync).as(Manifests.name(topic) + " min.insync.replicas").isBetween(2, replicas - 1);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isNotBlank();
        }
    }

    static int partitions(String topicName) {
        return Kustomize.render("overlays/production-kafka-topics").all("KafkaTopic").stream()
                .filter(topic -> topicName.equals(topic.path("spec").path("topicName").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic for " + topicName)).path("spec").path("partitions")
                .asInt();
    }
}
