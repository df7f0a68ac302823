package dev.orchestrion.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Runs one of the console's browser scenarios ({@code deploy/e2e/browser/scenario.mjs}) in headless Chromium from
 * Debian's {@code chromium} package, through {@code playwright-core} (installed by this module's build with
 * {@code npm ci}; nothing downloads a browser). No chromium, no pass: the scenario fails to launch and the test fails.
 */
final class Browser {

    private static final Path SCENARIOS = Path.of(System.getProperty("e2e.browser", "browser")).toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/console-screenshots"))
            .toAbsolutePath();

    private Browser() {
    }

    /** Where the scenarios leave their screenshots (those of failures are named {@code failed-<scenario>.png}). */
    static Path screenshots() {
        return SCREENSHOTS;
    }

    /** Runs {@code scenario} with {@code input} (a sign-in link and the ids it looks for); fails with its output. */
    static void run(String scenario, Map<String, Object> input) {
        try {
            Map<String, Object> withScreenshots = new java.util.HashMap<>(input);
            withScreenshots.put("screenshots", SCREENSHOTS.toString());
            Path output = Files.createTempFile("browser-" + scenario, ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of("node", "scenario.mjs", scenario))
                    .directory(SCENARIOS.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("SCENARIO_INPUT", json(withScreenshots));
            Process process = builder.start();
            boolean exited = process.waitFor(180, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (!exited || process.exitValue() != 0) {
                throw new AssertionError(
                        "browser scenario " + scenario + (exited ? " failed" : " did not finish in 180 s")
                                + " (screenshot: " + SCREENSHOTS.resolve("failed-" + scenario + ".png") + "):\n" + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run the browser scenario " + scenario + " with node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> input) {
        try {
            return Api.JSON.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
