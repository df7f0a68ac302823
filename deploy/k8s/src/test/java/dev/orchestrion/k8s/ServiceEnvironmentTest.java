package dev.orchestrion.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every environment variable a service's application.properties needs in a cluster (no default, or a loopback
 * default) is set by the manifests: a variable added to a service without a Kubernetes value fails here, naming it.
 */
@RequiresKubectl
class ServiceEnvironmentTest {

    @Test
    void productionSetsEveryVariableTheServicesNeed() {
        Manifests production = Kustomize.render("overlays/production");
        List<JsonNode> exampleSecrets = Kustomize
                .parse(Kustomize.k8sDir().resolve("overlays/production/secrets.example.yaml"));

        List<String> missing = new ArrayList<>();
        for (String service : Platform.WORKLOADS) {
            JsonNode deployment = production.get("Deployment", service);
            Set<String> provided = new HashSet<>(
                    production.configuredEnvironment(Manifests.container(deployment)).keySet());
            for (String secret : Manifests.secretReferences(deployment)) {
                JsonNode example = exampleSecrets.stream().filter(s -> secret.equals(Manifests.name(s))).findFirst()
                        .orElseThrow(() -> new AssertionError(
                                service + " reads Secret " + secret + ", which secrets.example.yaml does not show"));
                provided.addAll(Manifests.secretKeys(example));
            }
            missing.addAll(unset(service, provided));
        }
        assertThat(missing).as("variables without a value in overlays/production (add them to a .env file "
                + "of deploy/k8s, or to secrets.example.yaml if secret; see docs/operations.md)").isEmpty();
    }

    @Test
    void devSetsEveryVariableTheServicesNeed() {
        Manifests dev = Kustomize.render("overlays/dev");
        StringBuilder jobScripts = new StringBuilder();
        dev.generated("ConfigMap", "orchestrion-dev-secrets-scripts").orElseThrow().path("data")
                .forEach(script -> jobScripts.append(script.asText()));

        List<String> missing = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            JsonNode deployment = dev.get("Deployment", service);
            Set<String> provided = new HashSet<>(dev.configuredEnvironment(Manifests.container(deployment)).keySet());
            for (String secret : Manifests.secretReferences(deployment)) {
                dev.find("Secret", secret).ifPresent(rendered -> provided.addAll(Manifests.secretKeys(rendered)));
            }
            for (Platform.EnvVariable variable : Platform.environmentVariables(service)) {
                // Keys of the Secrets the dev Job generates appear as "KEY":" in its script.
                if (jobScripts.indexOf("\"" + variable.name() + "\":\"") >= 0) {
                    provided.add(variable.name());
                }
            }
            missing.addAll(unset(service, provided));
        }
        assertThat(missing).as("variables without a value in overlays/dev").isEmpty();
    }

    @Test
    void theCheckSeesTheVariablesThatMatter() {
        // Guards the parser: these are read today and need a value in any cluster.
        assertThat(Platform.environmentVariables("runner-service").stream().filter(Platform.EnvVariable::mustBeSet)
                .map(Platform.EnvVariable::name))
                .contains("KAFKA_BOOTSTRAP_SERVERS", "RUNNER_DB_URL", "RUNNER_DB_JDBC_URL",
                        "ORCHESTRION_JWT_PUBLIC_KEY_LOCATION", "ORCHESTRION_JWT_PRIVATE_KEY_LOCATION",
                        "DEFINITION_SERVICE_URL", "CASE_SERVICE_URL", "ORCHESTRION_RUNNER_SECRETS_ENCRYPTION_KEY")
                .doesNotContain("ORCHESTRION_JSON_LOGS");
        assertThat(Platform.environmentVariables("definition-service").stream().filter(Platform.EnvVariable::mustBeSet)
                .map(Platform.EnvVariable::name)).contains("MONGODB_URI", "ORCHESTRION_CONNECTIONS_ENCRYPTION_KEY");
    }

    private static List<String> unset(String service, Set<String> provided) {
        List<String> missing = new ArrayList<>();
        for (Platform.EnvVariable variable : Platform.environmentVariables(service)) {
            if (variable.mustBeSet() && !provided.contains(variable.name())) {
                missing.add(service + ": " + variable.name() + " (read by " + variable.property() + ")");
            }
        }
        return missing;
    }
}
