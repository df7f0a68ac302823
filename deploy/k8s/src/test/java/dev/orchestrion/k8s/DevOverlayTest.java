package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** overlays/dev: one replica each, with Kafka (Strimzi), PostgreSQL and MongoDB inside the cluster. */
@RequiresKubectl
class DevOverlayTest {

    private static Manifests dev;

    @BeforeAll
    static void render() {
        dev = Kustomize.render("overlays/dev");
    }

    @Test
    void runsOneReplicaOfEachService() {
        for (String service : Platform.SERVICES) {
            assertThat(dev.get("Deployment", service).path("spec").path("replicas").asInt()).as(service + " replicas")
                    .isEqualTo(1);
        }
    }

    @Test
    void kafkaIsAStrimziKraftClusterWithADualRoleNodePool() {
        JsonNode kafka = single("Kafka");
        String cluster = Manifests.name(kafka);
        JsonNode pool = single("KafkaNodePool");

        assertThat(kafka.path("apiVersion").asText()).startsWith("kafka.strimzi.io/");
        assertThat(kafka.path("spec").has("zookeeper")).as("no ZooKeeper: KRaft").isFalse();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText())
                .isEqualTo("enabled");
        assertThat(kafka.path("spec").path("entityOperator").has("topicOperator"))
                .as("the Topic Operator turns KafkaTopic resources into topics").isTrue();
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true))
                .isFalse();
        assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
        assertThat(ServiceWorkloads.texts(pool.path("spec").path("roles"))).containsExactlyInAnyOrder("controller",
                "broker");
        assertThat(pool.path("spec").path("storage").path("volumes").get(0).path("type").asText())
                .isEqualTo("persistent-claim");
    }

    @Test
    void everyPlatformTopicIsAKafkaTopicWithTheSamePartitions() {
        String cluster = Manifests.name(single("Kafka"));
        int brokers = single("KafkaNodePool").path("spec").path("replicas").asInt();
        Map<String, Integer> rendered = new HashMap<>();
        for (JsonNode topic : dev.all("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as(Manifests.name(topic) + " belongs to the dev cluster").isEqualTo(cluster);
            assertThat(topic.path("spec").path("replicas").asInt()).as(Manifests.name(topic) + " replicas").isBetween(1,
                    brokers);
            String topicName = topic.path("spec").path("topicName").asText(Manifests.name(topic));
            rendered.put(topicName, topic.path("spec").path("partitions").asInt());
        }

        assertThat(rendered).as("KafkaTopics against platform-topics.properties").isEqualTo(Platform.topics());
        assertThat(rendered.keySet()).as("a .dlq topic for each topic").allSatisfy(topic -> {
            if (!topic.endsWith(".dlq")) {
                assertThat(rendered).containsKey(topic + ".dlq");
            }
        });
    }

    @Test
    void servicesReachTheInClusterKafka() {
        JsonNode kafka = single("Kafka");
        int plainPort = -1;
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (!listener.path("tls").asBoolean() && "internal".equals(listener.path("type").asText())) {
                plainPort = listener.path("port").asInt();
            }
        }
        // Strimzi names the bootstrap Service <cluster>-kafka-bootstrap.
        String bootstrap = Manifests.name(kafka) + "-kafka-bootstrap:" + plainPort;
        for (String service : Platform.SERVICES) {
            assertThat(environment(service)).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        }
    }

    @Test
    void postgresIsAStatefulSetWithAVolumeAndTheCasesAndRunnerDatabases() {
        JsonNode postgres = dev.get("StatefulSet", "postgres");
        assertThat(postgres.path("spec").path("volumeClaimTemplates")).as("a PVC per replica").isNotEmpty();

        String init = dev.generated("ConfigMap", "postgres-init").orElseThrow().path("data").path("init-databases.sh")
                .asText();
        assertThat(init).contains("CREATE DATABASE cases", "CREATE DATABASE runner");
        assertThat(mountPaths(postgres)).contains("/docker-entrypoint-initdb.d");

        for (var database : Map.of("case-service", List.of("CASES_DB_URL", "CASES_DB_JDBC_URL", "cases"),
                "runner-service", List.of("RUNNER_DB_URL", "RUNNER_DB_JDBC_URL", "runner")).entrySet()) {
            Map<String, String> environment = environment(database.getKey());
            for (String variable : database.getValue().subList(0, 2)) {
                URI url = URI.create(environment.get(variable).replaceFirst("^jdbc:", ""));
                assertThat(url.getHost()).as(variable).isEqualTo(Manifests.name(dev.get("Service", "postgres")));
                assertThat(url.getPath()).as(variable).isEqualTo("/" + database.getValue().get(2));
            }
        }
    }

    @Test
    void mongodbIsAStatefulSetWithAVolumeThatTheMongoServicesUse() {
        JsonNode mongodb = dev.get("StatefulSet", "mongodb");
        assertThat(mongodb.path("spec").path("volumeClaimTemplates")).isNotEmpty();
        dev.get("Service", "mongodb");

        for (String service : List.of("definition-service", "content-workflow-service")) {
            JsonNode secret = dev.generated("Secret", service + "-secrets").orElseThrow();
            String uri = decoded(secret, "MONGODB_URI");
            assertThat(URI.create(uri).getHost()).as(service + " MONGODB_URI").isEqualTo("mongodb");
        }
    }

    @Test
    void everySecretAWorkloadNeedsIsRenderedOrGeneratedByTheDevSecretsJob() {
        JsonNode job = dev.get("Job", "orchestrion-dev-secrets");
        StringBuilder scriptText = new StringBuilder();
        dev.generated("ConfigMap", "orchestrion-dev-secrets-scripts").orElseThrow().path("data")
                .forEach(script -> scriptText.append(script.asText()).append('\n'));
        String scripts = scriptText.toString();
        JsonNode role = dev.get("Role", "orchestrion-dev-secrets");
        assertThat(role.path("rules").get(0).path("resources").toString()).contains("secrets");
        assertThat(ServiceWorkloads.texts(role.path("rules").get(0).path("verbs"))).containsExactly("create");
        assertThat(Manifests.podSpec(job).path("serviceAccountName").asText()).isEqualTo("orchestrion-dev-secrets");

        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (JsonNode workload : dev.all(kind)) {
                for (String secret : Manifests.secretReferences(workload)) {
                    boolean rendered = dev.find("Secret", secret).isPresent();
                    boolean generatedByJob = scripts.contains("\"name\":\"" + secret + "\"");
                    assertThat(rendered || generatedByJob)
                            .as(kind + " " + Manifests.name(workload) + " needs Secret " + secret).isTrue();
                }
            }
        }
        // The generated pair lands where the services look for it.
        Map<String, String> environment = environment("case-service");
        for (String variable : List.of("ORCHESTRION_JWT_PUBLIC_KEY_LOCATION", "ORCHESTRION_JWT_PRIVATE_KEY_LOCATION")) {
            String file = environment.get(variable).substring(environment.get(variable).lastIndexOf('/') + 1);
            assertThat(scripts).as(variable).contains(file);
        }
        assertThat(scripts).contains("ORCHESTRION_CONNECTIONS_ENCRYPTION_KEY",
                "ORCHESTRION_RUNNER_SECRETS_ENCRYPTION_KEY");
    }

    private static JsonNode single(String kind) {
        List<JsonNode> resources = dev.all(kind);
        assertThat(resources).as("one " + kind).hasSize(1);
        return resources.get(0);
    }

    private static Map<String, String> environment(String service) {
        return dev.configuredEnvironment(Manifests.container(dev.get("Deployment", service)));
    }

    private static List<String> mountPaths(JsonNode workload) {
        return Manifests.container(workload).findValuesAsText("mountPath");
    }

    static String decoded(JsonNode secret, String key) {
        JsonNode value = secret.path("data").path(key);
        assertThat(value.isTextual()).as(Manifests.name(secret) + " has " + key).isTrue();
        return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    }
}
