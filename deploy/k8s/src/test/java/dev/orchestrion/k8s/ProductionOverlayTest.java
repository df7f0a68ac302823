package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** overlays/production: replicated services, an autoscaled and spread runner, budgets, external infrastructure. */
@RequiresKubectl
class ProductionOverlayTest {

    private static Manifests production;

    @BeforeAll
    static void render() {
        production = Kustomize.render("overlays/production");
    }

    @Test
    void theRunnerHasACpuAutoscalerWithAtLeastTwoReplicas() {
        JsonNode hpa = production.get("HorizontalPodAutoscaler", Platform.RUNNER);
        JsonNode spec = hpa.path("spec");

        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo(Platform.RUNNER);
        assertThat(spec.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(spec.path("maxReplicas").asInt()).isGreaterThan(spec.path("minReplicas").asInt());
        assertThat(spec.path("metrics").findValuesAsText("name")).contains("cpu");
        // The HPA owns the count; a replicas field in the Deployment would reset it on every apply.
        assertThat(production.get("Deployment", Platform.RUNNER).path("spec").has("replicas")).isFalse();
    }

    @Test
    void theAutoscalerNeverRunsMoreExecutorsThanRunCommandPartitions() {
        JsonNode hpa = production.get("HorizontalPodAutoscaler", Platform.RUNNER);
        Map<String, String> runner = environment(Platform.RUNNER);
        int executorsPerInstance = Integer.parseInt(runner.get("ORCHESTRION_RUNNER_EXECUTORS"));
        int partitions = ProductionKafkaTopicsTest.partitions(Platform.RUN_COMMANDS);

        assertThat(hpa.path("spec").path("maxReplicas").asInt() * executorsPerInstance)
                .as("maxReplicas x ORCHESTRION_RUNNER_EXECUTORS <= %s partitions", Platform.RUN_COMMANDS)
                .isLessThanOrEqualTo(partitions);
    }

    @Test
    void theOtherServicesRunTwoReplicasOrMore() {
        for (String service : Platform.WORKLOADS) {
            if (!service.equals(Platform.RUNNER)) {
                assertThat(production.get("Deployment", service).path("spec").path("replicas").asInt())
                        .as(service + " replicas").isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void everyServiceHasAPodDisruptionBudgetThatStillAllowsDrains() {
        for (String service : Platform.WORKLOADS) {
            JsonNode deployment = production.get("Deployment", service);
            List<JsonNode> budgets = production
                    .all("PodDisruptionBudget").stream().filter(pdb -> pdb.path("spec").path("selector")
                            .path("matchLabels").equals(deployment.path("spec").path("selector").path("matchLabels")))
                    .toList();
            assertThat(budgets).as("a PodDisruptionBudget selecting " + service).hasSize(1);
            JsonNode spec = budgets.get(0).path("spec");
            if (spec.has("maxUnavailable")) {
                assertThat(spec.path("maxUnavailable").asInt()).as(service + " maxUnavailable").isPositive();
            } else {
                int replicas = deployment.path("spec").path("replicas").asInt(production
                        .get("HorizontalPodAutoscaler", Platform.RUNNER).path("spec").path("minReplicas").asInt());
                assertThat(spec.path("minAvailable").asInt()).as(service + " minAvailable").isLessThan(replicas);
            }
        }
    }

    @Test
    void runnerInstancesAreSpreadOverNodesAndZones() {
        JsonNode pod = Manifests.podSpec(production.get("Deployment", Platform.RUNNER));
        String runnerSelector = "{\"app.kubernetes.io/name\":\"runner-service\"}";

        assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        pod.path("topologySpreadConstraints")
                .forEach(constraint -> assertThat(constraint.path("labelSelector").path("matchLabels").toString())
                        .isEqualTo(runnerSelector));
        JsonNode antiAffinity = pod.path("affinity").path("podAntiAffinity");
        assertThat(antiAffinity.findValuesAsText("topologyKey")).contains("kubernetes.io/hostname");
        assertThat(antiAffinity.findValue("matchLabels").toString()).isEqualTo(runnerSelector);
    }

    @Test
    void kafkaDatabasesAndMongodbAreExternalAndSecretsAreTheOperators() {
        assertThat(production.all("StatefulSet")).isEmpty();
        assertThat(production.all("Kafka")).isEmpty();
        assertThat(production.all("KafkaTopic")).as("topics: overlays/production-kafka-topics or by hand").isEmpty();
        assertThat(production.all("Secret")).as("Secrets are created by the operator").isEmpty();
        assertThat(production.all("Job")).isEmpty();

        for (String service : Platform.SERVICES) {
            Map<String, String> environment = environment(service);
            assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).as(service)
                    .doesNotContain("orchestrion-kafka-bootstrap");
            environment.forEach((key, value) -> {
                if (key.endsWith("_DB_URL") || key.endsWith("_DB_JDBC_URL")) {
                    assertThat(value).as(service + " " + key).doesNotContain("//postgres:");
                }
            });
        }
    }

    @Test
    void imagesComeFromARegistryWithAReleaseTag() {
        for (String service : Platform.WORKLOADS) {
            String image = Manifests.container(production.get("Deployment", service)).path("image").asText();
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(image).as(service).matches("[a-z0-9.-]+\\.[a-z]+(:\\d+)?/.+/" + service + ":.+");
            assertThat(tag).as(service + " tag").isNotIn("latest", "dev").doesNotEndWith("SNAPSHOT");
        }
    }

    static Map<String, String> environment(String service) {
        return production.configuredEnvironment(Manifests.container(production.get("Deployment", service)));
    }
}
