package dev.orchestrion.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The rendered resources of one kustomization, with the look-ups the checks need. */
record Manifests(String dir, List<JsonNode> resources) {

    /** kustomize appends "-" and a ten-character content hash to generated ConfigMap and Secret names. */
    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

    List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(dir + " renders no " + kind + " named " + name));
    }

    /** A generated ConfigMap or Secret by its name in the kustomization (before the hash suffix). */
    Optional<JsonNode> generated(String kind, String name) {
        return all(kind).stream().filter(r -> logicalName(name(r)).equals(name)).findFirst();
    }

    static String logicalName(String renderedName) {
        return HASH_SUFFIX.matcher(renderedName).replaceFirst("");
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec(workload).path("containers").forEach(containers::add);
        return containers;
    }

    static JsonNode container(JsonNode workload) {
        List<JsonNode> containers = containers(workload);
        if (containers.size() != 1) {
            throw new AssertionError(name(workload) + " should run exactly one container, has " + containers.size());
        }
        return containers.get(0);
    }

    /** Names of the Secrets a workload reads through envFrom, env valueFrom or volumes. */
    static List<String> secretReferences(JsonNode workload) {
        List<String> names = new ArrayList<>();
        JsonNode pod = podSpec(workload);
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : pod.path(list)) {
                container.path("envFrom").forEach(from -> addIfPresent(names, from.path("secretRef").path("name")));
                container.path("env")
                        .forEach(env -> addIfPresent(names, env.path("valueFrom").path("secretKeyRef").path("name")));
            }
        }
        pod.path("volumes").forEach(volume -> addIfPresent(names, volume.path("secret").path("secretName")));
        return names;
    }

    private static void addIfPresent(List<String> names, JsonNode name) {
        if (name.isTextual()) {
            names.add(name.asText());
        }
    }

    /**
     * What a container sees as environment variables from ConfigMaps (envFrom, in order) and literal env entries,
     * as Kubernetes resolves them: later sources win. Secrets are left to the caller (see {@link #secretKeys}).
     */
    Map<String, String> configuredEnvironment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode configMapName = from.path("configMapRef").path("name");
            if (configMapName.isTextual()) {
                JsonNode configMap = get("ConfigMap", configMapName.asText());
                configMap.path("data").fields()
                        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode env : container.path("env")) {
            if (env.has("value")) {
                environment.put(env.path("name").asText(), env.path("value").asText());
            }
        }
        return environment;
    }

    /** The keys of a rendered Secret (data or stringData). */
    static List<String> secretKeys(JsonNode secret) {
        List<String> keys = new ArrayList<>();
        secret.path("data").fieldNames().forEachRemaining(keys::add);
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
