package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.JsonNode;

/** The properties every Orchestrion Deployment must have in every kustomization, checked all at once. */
final class ServiceWorkloads {

    /** Seconds beyond preStop + the Quarkus shutdown timeout for closing Kafka clients and committing offsets. */
    static final int KAFKA_CLOSE_MARGIN_SECONDS = 10;

    private ServiceWorkloads() {
    }

    /** Records every shortcoming of the Deployment in {@code softly}; the caller asserts them all at once. */
    static void checkOperable(SoftAssertions softly, Manifests manifests, JsonNode deployment) {
        String name = Manifests.name(deployment);
        String where = manifests.dir() + ": Deployment " + name + ": ";
        JsonNode pod = Manifests.podSpec(deployment);
        JsonNode container = Manifests.container(deployment);

        int httpPort = -1;
        for (JsonNode port : container.path("ports")) {
            if ("http".equals(port.path("name").asText())) {
                httpPort = port.path("containerPort").asInt();
            }
        }
        softly.assertThat(httpPort).as(where + "a container port named http").isPositive();

        assertHttpProbe(softly, where + "readinessProbe", container.path("readinessProbe"), "/q/health/ready");
        assertHttpProbe(softly, where + "livenessProbe", container.path("livenessProbe"), "/q/health/live");
        assertHttpProbe(softly, where + "startupProbe", container.path("startupProbe"), "/q/health/started");

        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                softly.assertThat(container.path("resources").path(bound).path(resource).asText())
                        .as(where + "resources." + bound + "." + resource).isNotBlank();
            }
        }

        JsonNode podSecurity = pod.path("securityContext");
        softly.assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as(where + "pod runAsNonRoot").isTrue();
        softly.assertThat(podSecurity.path("runAsUser").asInt(0)).as(where + "pod runAsUser (not root)").isPositive();
        softly.assertThat(podSecurity.path("seccompProfile").path("type").asText()).as(where + "pod seccompProfile")
                .isEqualTo("RuntimeDefault");
        JsonNode security = container.path("securityContext");
        softly.assertThat(security.path("allowPrivilegeEscalation").isBoolean()
                && !security.path("allowPrivilegeEscalation").asBoolean()).as(where + "allowPrivilegeEscalation: false")
                .isTrue();
        softly.assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(where + "readOnlyRootFilesystem")
                .isTrue();
        softly.assertThat(texts(security.path("capabilities").path("drop"))).as(where + "capabilities.drop")
                .contains("ALL");
        softly.assertThat(security.path("capabilities").path("add").size()).as(where + "capabilities.add").isZero();
        softly.assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                .as(where + "automountServiceAccountToken: false").isFalse();

        // The root filesystem is read-only: /tmp must be a writable emptyDir.
        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                tmpVolume = mount.path("name").asText();
            }
        }
        softly.assertThat(tmpVolume).as(where + "a volume mounted at /tmp").isNotNull();
        boolean tmpIsEmptyDir = false;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(tmpVolume) && volume.has("emptyDir")) {
                tmpIsEmptyDir = true;
            }
        }
        softly.assertThat(tmpIsEmptyDir).as(where + "/tmp is an emptyDir").isTrue();

        JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
        softly.assertThat(annotations.path("prometheus.io/scrape").asText()).as(where + "prometheus.io/scrape")
                .isEqualTo("true");
        softly.assertThat(annotations.path("prometheus.io/path").asText()).as(where + "prometheus.io/path")
                .isEqualTo("/q/metrics");
        softly.assertThat(annotations.path("prometheus.io/port").asText()).as(where + "prometheus.io/port")
                .isEqualTo(String.valueOf(httpPort));

        // The image name is the one kustomize `images:` rewrites, and always carries a tag.
        String image = container.path("image").asText();
        softly.assertThat(image).as(where + "image").contains("orchestrion/" + name + ":");

        // Configuration: the shared and the service's ConfigMap, then the service's Secret (operator-owned).
        List<String> configMaps = new ArrayList<>();
        container.path("envFrom").forEach(from -> {
            if (from.path("configMapRef").path("name").isTextual()) {
                configMaps.add(Manifests.logicalName(from.path("configMapRef").path("name").asText()));
            }
        });
        softly.assertThat(configMaps).as(where + "envFrom ConfigMaps").containsSubsequence("orchestrion-config",
                name + "-config");
        softly.assertThat(Manifests.secretReferences(deployment).stream().map(Manifests::logicalName))
                .as(where + "Secret references").contains(name + "-secrets");
        if (Platform.SERVICES.contains(name)) {
            // the console forwards the identity provider's tokens in production: it signs nothing
            softly.assertThat(Manifests.secretReferences(deployment)).as(where + "the JWT key pair")
                    .contains("orchestrion-jwt-keys");
        }

        // Graceful shutdown: preStop, then Quarkus drains for QUARKUS_SHUTDOWN_TIMEOUT, then the Kafka clients close.
        Map<String, String> environment = manifests.configuredEnvironment(container);
        JsonNode preStop = container.path("lifecycle").path("preStop");
        long preStopSeconds = preStop.path("sleep").has("seconds")
                ? preStop.path("sleep").path("seconds").asLong()
                : preStopSleepSeconds(preStop.path("exec").path("command"));
        softly.assertThat(preStopSeconds).as(where + "preStop sleep seconds").isPositive();
        softly.assertThat(environment).as(where + "QUARKUS_SHUTDOWN_TIMEOUT").containsKey("QUARKUS_SHUTDOWN_TIMEOUT");
        if (environment.containsKey("QUARKUS_SHUTDOWN_TIMEOUT")) {
            Duration shutdown = Platform.duration(environment.get("QUARKUS_SHUTDOWN_TIMEOUT"));
            softly.assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                    .as(where + "terminationGracePeriodSeconds >= preStop (%ds) + shutdown timeout (%ds) + %ds",
                            preStopSeconds, shutdown.toSeconds(), KAFKA_CLOSE_MARGIN_SECONDS)
                    .isGreaterThanOrEqualTo(preStopSeconds + shutdown.toSeconds() + KAFKA_CLOSE_MARGIN_SECONDS);
        }
        softly.assertThat(environment.get("QUARKUS_HTTP_PORT")).as(where + "QUARKUS_HTTP_PORT matches the http port")
                .isEqualTo(String.valueOf(httpPort));
    }

    private static void assertHttpProbe(SoftAssertions softly, String what, JsonNode probe, String path) {
        softly.assertThat(probe.path("httpGet").path("path").asText()).as(what + " path").isEqualTo(path);
        softly.assertThat(probe.path("httpGet").path("port").asText()).as(what + " port").isEqualTo("http");
    }

    private static long preStopSleepSeconds(JsonNode command) {
        List<String> words = texts(command);
        assertThat(words).as("preStop exec command").hasSize(2).first().isEqualTo("sleep");
        return Long.parseLong(words.get(1));
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
