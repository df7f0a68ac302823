package dev.orchestrion.k8s;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Renders a kustomization with {@code kubectl kustomize} and parses the resulting YAML stream. */
final class Kustomize {

    static final String KUBECTL_MISSING = "kubectl is not on the PATH, so the kustomizations in deploy/k8s were NOT "
            + "rendered or checked. Install kubectl (it embeds kustomize) to run these tests.";

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Renders are pure functions of the files: one per folder and test JVM is enough. */
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The repository root: the build passes it as {@code orchestrion.root}; run from an IDE, it is two levels up. */
    static Path root() {
        String configured = System.getProperty("orchestrion.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        return root.toAbsolutePath().normalize();
    }

    static Path k8sDir() {
        return root().resolve("deploy/k8s");
    }

    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    /** Every folder under deploy/k8s (but target/) that holds a kustomization.yaml, relative to deploy/k8s. */
    static List<String> kustomizations() {
        Path k8s = k8sDir();
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(file -> k8s.relativize(file.getParent()).toString())
                    .filter(dir -> !dir.startsWith("target") && !dir.startsWith("src")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kubectl kustomize deploy/k8s/<dir>}; fails with kubectl's own message on any error. */
    static Manifests render(String dir) {
        return RENDERED.computeIfAbsent(dir, Kustomize::run);
    }

    private static Manifests run(String dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException(KUBECTL_MISSING));
        Path target = k8sDir().resolve(dir);
        try {
            Path output = Files.createTempFile("kustomize-", ".yaml");
            Path errors = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", target.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish within 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return new Manifests(dir, parse(Files.readString(output, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multi-document YAML stream as its non-empty documents. */
    static List<JsonNode> parse(String yaml) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return documents.readAll().stream().filter(doc -> doc != null && !doc.isNull() && !doc.isEmpty()).toList();
        }
    }

    static List<JsonNode> parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
