package dev.orchestrion.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, started and stopped with the {@code orchestrion} script exactly as a developer does
 * ({@code up --fresh}, {@code token}, {@code down}): the local stack and the four packaged services as separate
 * processes, with their data in this module's {@code target/} and on the ports the module's pom gives them.
 */
public final class LocalPlatform implements AutoCloseable {

    private final Path root = Path.of(System.getProperty("orchestrion.root", "../..")).toAbsolutePath().normalize();
    private final Path data = Path.of(System.getProperty("e2e.data", "target/e2e-data")).toAbsolutePath();
    private final Map<String, String> environment = Map.of("ORCHESTRION_DATA", data.toString(), "ORCHESTRION_CASE_PORT",
            port("case"), "ORCHESTRION_DEFINITION_PORT", port("definition"), "ORCHESTRION_RUNNER_PORT", port("runner"),
            "ORCHESTRION_CONTENT_PORT", port("content"), "ORCHESTRION_KAFKA_PORT", port("kafka"),
            "ORCHESTRION_POSTGRES_PORT", port("postgres"), "ORCHESTRION_MONGO_PORT", port("mongo"),
            "ORCHESTRION_CONSOLE_PORT", port("console"));
    private final Thread stopOnExit = new Thread(this::down, "e2e-platform-down");

    private LocalPlatform() {
    }

    private static LocalPlatform shared;

    /** {@code ./orchestrion up --fresh}: answers once every service reports ready. */
    public static LocalPlatform start() {
        LocalPlatform platform = new LocalPlatform();
        Runtime.getRuntime().addShutdownHook(platform.stopOnExit);
        platform.orchestrion(600, "up", "--fresh");
        return platform;
    }

    /**
     * One platform for every test class of this JVM that asks for it (each works in tenants of its own), started on
     * the first call and stopped when the JVM exits: one {@code up --fresh} instead of one per class.
     */
    public static synchronized LocalPlatform shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String console() {
        return "http://127.0.0.1:" + port("console");
    }

    public String caseService() {
        return "http://127.0.0.1:" + port("case");
    }

    public String definitionService() {
        return "http://127.0.0.1:" + port("definition");
    }

    public String runnerService() {
        return "http://127.0.0.1:" + port("runner");
    }

    public String contentService() {
        return "http://127.0.0.1:" + port("content");
    }

    /** {@code ./orchestrion token --tenant T --roles a,b}: the token is the last line it prints. */
    public String token(String tenant, String... roles) {
        List<String> lines = orchestrion(120, "token", "--tenant", tenant, "--roles", String.join(",", roles));
        return lines.get(lines.size() - 1).trim();
    }

    /**
     * {@code ./orchestrion console-link --tenant T --roles a,b --next P}: a one-time sign-in link to the console that
     * lands on {@code next}; the link is the last line it prints.
     */
    public String consoleLink(String tenant, String next, String... roles) {
        List<String> lines = orchestrion(60, "console-link", "--tenant", tenant, "--roles", String.join(",", roles),
                "--subject", tenant + "-" + (roles.length == 0 ? "nobody" : String.join("-", roles)), "--next", next);
        return lines.get(lines.size() - 1).trim();
    }

    /** A workflow from the documentation's examples ({@code docs/examples/}). */
    public Path example(String name) {
        return root.resolve("docs/examples").resolve(name);
    }

    /** The last lines of a process's log, for failure messages. */
    public String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("logs").resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log for " + name + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        down();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    private void down() {
        orchestrion(120, "down");
    }

    private List<String> orchestrion(int timeoutSeconds, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("orchestrion").toString()));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("orchestrion-" + arguments[0], ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (!exited || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./orchestrion " + String.join(" ", arguments)
                        + (exited
                                ? " exited with " + process.exitValue()
                                : " did not finish in " + timeoutSeconds + " s")
                        + ":\n" + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./orchestrion", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String port(String name) {
        String value = System.getProperty("e2e.port." + name);
        if (value == null) {
            throw new IllegalStateException("system property e2e.port." + name + " is not set (run through Maven)");
        }
        return value;
    }
}
