package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console in the manifests: reached through an Ingress whose host and TLS the overlay gives; production signs in
 * through the identity provider; the dev cluster signs in locally with the dev key pair.
 */
@RequiresKubectl
class ConsoleManifestsTest {

    @Test
    void theIngressSendsEverythingToTheConsoleServiceAndTheBaseLeavesHostAndTlsToTheOverlays() {
        Manifests base = Kustomize.render("base");
        JsonNode ingress = base.get("Ingress", Platform.CONSOLE);

        JsonNode rule = ingress.path("spec").path("rules").get(0);
        assertThat(rule.has("host")).as("the base names no host").isFalse();
        assertThat(ingress.path("spec").has("tls")).as("the base names no certificate").isFalse();
        JsonNode backend = rule.path("http").path("paths").get(0).path("backend").path("service");
        assertThat(backend.path("name").asText()).isEqualTo(Platform.CONSOLE);
        assertThat(backend.path("port").path("name").asText()).isEqualTo("http");
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-buffering")
                .asText()).as("server-sent events are not buffered").isEqualTo("off");
    }

    @Test
    void productionServesTheConsoleOnItsHostOverTlsAndSignsInWithOpenIdConnect() {
        Manifests production = Kustomize.render("overlays/production");
        JsonNode spec = production.get("Ingress", Platform.CONSOLE).path("spec");

        String host = spec.path("rules").get(0).path("host").asText();
        assertThat(host).isNotBlank();
        assertThat(ServiceWorkloads.texts(spec.path("tls").get(0).path("hosts"))).containsExactly(host);
        assertThat(spec.path("tls").get(0).path("secretName").asText()).isNotBlank();

        JsonNode console = production.get("Deployment", Platform.CONSOLE);
        Map<String, String> environment = production.configuredEnvironment(Manifests.container(console));
        assertThat(environment)
                .containsKeys("ORCHESTRION_CONSOLE_OIDC_SERVER_URL", "ORCHESTRION_CONSOLE_OIDC_CLIENT_ID")
                .doesNotContainKey("QUARKUS_PROFILE").doesNotContainKey("ORCHESTRION_CONSOLE_CODES_DIR");
        assertThat(Manifests.secretReferences(console)).as("no signing key in the production console")
                .doesNotContain("orchestrion-jwt-keys");
        List<JsonNode> exampleSecrets = Kustomize
                .parse(Kustomize.k8sDir().resolve("overlays/production/secrets.example.yaml"));
        JsonNode secret = exampleSecrets.stream().filter(s -> "console-secrets".equals(Manifests.name(s))).findFirst()
                .orElseThrow();
        assertThat(Manifests.secretKeys(secret)).contains("ORCHESTRION_CONSOLE_OIDC_CLIENT_SECRET",
                "ORCHESTRION_CONSOLE_SESSION_KEY");
    }

    @Test
    void theDevClusterSignsInLocallyWithTheDevKeyPairAndAWritableCodeFolder() {
        Manifests dev = Kustomize.render("overlays/dev");
        JsonNode console = dev.get("Deployment", Platform.CONSOLE);
        Map<String, String> environment = dev.configuredEnvironment(Manifests.container(console));

        assertThat(environment).containsEntry("QUARKUS_PROFILE", "local");
        String codes = environment.get("ORCHESTRION_CONSOLE_CODES_DIR");
        assertThat(Manifests.container(console).findValuesAsText("mountPath")).contains(codes, "/etc/orchestrion/jwt");
        assertThat(environment.get("ORCHESTRION_JWT_PRIVATE_KEY_LOCATION")).startsWith("/etc/orchestrion/jwt/");
        assertThat(Manifests.secretReferences(console)).contains("orchestrion-jwt-keys");
        assertThat(dev.get("Ingress", Platform.CONSOLE).path("spec").path("rules").get(0).path("host").asText())
                .isNotBlank();
    }
}
