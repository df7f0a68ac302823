package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every kustomization under deploy/k8s renders, and every service Deployment in it is fit to run. */
@RequiresKubectl
class KustomizationsRenderTest {

    static List<String> kustomizations() {
        return Kustomize.kustomizations();
    }

    @Test
    void theBaseAndTheOverlaysAreThere() {
        assertThat(kustomizations()).contains("base", "overlays/dev", "overlays/production",
                "overlays/production-kafka-topics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void rendersWithoutErrorAndEveryDeploymentIsOperable(String dir) {
        Manifests manifests = Kustomize.render(dir);

        assertThat(manifests.resources()).as(dir + " renders resources").isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode deployment : manifests.all("Deployment")) {
            ServiceWorkloads.checkOperable(softly, manifests, deployment);
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyServiceHasADeploymentAndAServiceOrNone(String dir) {
        Manifests manifests = Kustomize.render(dir);
        if (manifests.all("Deployment").isEmpty()) {
            return; // a kustomization of infrastructure only (the production topics)
        }
        for (String service : Platform.WORKLOADS) {
            JsonNode deployment = manifests.get("Deployment", service);
            JsonNode kubeService = manifests.get("Service", service);
            assertThat(kubeService.path("spec").path("selector"))
                    .as(dir + ": Service " + service + " selects its Deployment's pods")
                    .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
            assertThat(kubeService.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
        }
        assertThat(manifests.all("Deployment")).as(dir + ": Deployments").hasSize(Platform.WORKLOADS.size());
    }

    @Test
    void theBaseReferencesSecretsButShipsNone() {
        Manifests base = Kustomize.render("base");

        assertThat(base.all("Secret")).as("Secrets are the operator's (or the dev overlay's)").isEmpty();
        for (String service : Platform.SERVICES) {
            assertThat(Manifests.secretReferences(base.get("Deployment", service))).contains(service + "-secrets",
                    "orchestrion-jwt-keys");
        }
    }

    @Test
    void peersAreAddressedByTheirKubernetesServices() {
        Manifests base = Kustomize.render("base");
        var environment = base.configuredEnvironment(Manifests.container(base.get("Deployment", Platform.RUNNER)));

        assertThat(environment).containsEntry("CASE_SERVICE_URL", "http://case-service:8080")
                .containsEntry("DEFINITION_SERVICE_URL", "http://definition-service:8080")
                .containsEntry("RUNNER_SERVICE_URL", "http://runner-service:8080")
                .containsEntry("CONTENT_SERVICE_URL", "http://content-workflow-service:8080");
        for (String service : Platform.WORKLOADS) {
            assertThat(base.get("Service", service).path("spec").path("ports").get(0).path("port").asInt())
                    .isEqualTo(8080);
        }
    }
}
