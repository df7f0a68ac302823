package dev.orchestrion.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the repository says about the platform, read from the files the services and the local stack use. */
final class Platform {

    static final List<String> SERVICES = List.of("case-service", "definition-service", "runner-service",
            "content-workflow-service");

    /** The web console: a Deployment like the services', reached from outside through its Ingress. */
    static final String CONSOLE = "console";
    /** Everything the manifests deploy of Orchestrion's own: the four services and the console. */
    static final List<String> WORKLOADS = List.of("case-service", "definition-service", "runner-service",
            "content-workflow-service", CONSOLE);

    static final String RUNNER = "runner-service";
    static final String RUN_COMMANDS = "workflow.run-commands";

    /** ${NAME} or ${NAME:default}: an environment variable (upper case) referenced by a configuration value. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private Platform() {
    }

    /** Topic name to partition count, from the local stack's platform-topics.properties (the topic table). */
    static Map<String, Integer> topics() {
        Path file = Kustomize.root().resolve("deploy/local-stack/src/main/resources/platform-topics.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> topics = new TreeMap<>();
        properties.forEach(
                (topic, partitions) -> topics.put((String) topic, Integer.valueOf(((String) partitions).trim())));
        if (topics.isEmpty()) {
            throw new AssertionError(file + " lists no topics");
        }
        return topics;
    }

    /** An environment variable a service's application.properties reads in the prod profile. */
    record EnvVariable(String name, String defaultValue, String property) {

        /**
         * Kubernetes must set it: it has no default, or the default is a loopback address that cannot be right in a
         * cluster (peers, databases, Kafka).
         */
        boolean mustBeSet() {
            return defaultValue == null || defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost");
        }
    }

    /** Every ${VAR} in the service's application.properties that applies to the prod profile (the images run it). */
    static List<EnvVariable> environmentVariables(String service) {
        Path file = Kustomize.root().resolve(service).resolve("src/main/resources/application.properties");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, EnvVariable> variables = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            // %dev. and %test. values never reach a container; %prod. and unprofiled ones do.
            if (trimmed.startsWith("%") && !trimmed.startsWith("%prod.")) {
                continue;
            }
            String property = trimmed.split("=", 2)[0].strip();
            Matcher matcher = ENV_REFERENCE.matcher(trimmed);
            while (matcher.find()) {
                EnvVariable variable = new EnvVariable(matcher.group(1), matcher.group(2), property);
                // A variable read once with and once without a default must be set.
                variables.merge(variable.name(), variable, (a, b) -> a.mustBeSet() ? a : b);
            }
        }
        return new ArrayList<>(variables.values());
    }

    /** A Quarkus duration as written in configuration: "30s", "500ms", "2m", "PT30S" or plain seconds. */
    static Duration duration(String value) {
        String text = value.strip();
        if (text.toUpperCase().startsWith("P")) {
            return Duration.parse(text.toUpperCase());
        }
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(text);
        if (!matcher.matches()) {
            throw new AssertionError("Not a duration: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
