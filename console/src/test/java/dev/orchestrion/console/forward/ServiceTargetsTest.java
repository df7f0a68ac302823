package dev.orchestrion.console.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceTargetsTest {

    private final ServiceTargets targets = new ServiceTargets(
            Map.of("runner", "http://127.0.0.1:8083", "cases", "http://127.0.0.1:9000/case-service/"));

    @Test
    void theRestOfThePathAndTheRawQueryGoToTheNamedService() {
        assertThat(targets.resolve("/api/runner/workflows/runs", "status=FAILED&q=a%20b").orElseThrow().url())
                .isEqualTo("http://127.0.0.1:8083/workflows/runs?status=FAILED&q=a%20b");
        assertThat(targets.resolve("/api/cases/cases/1", null).orElseThrow().url())
                .isEqualTo("http://127.0.0.1:9000/case-service/cases/1");
        assertThat(targets.resolve("/api/runner", "").orElseThrow().url()).isEqualTo("http://127.0.0.1:8083/");
    }

    @Test
    void anUnknownServiceHasNoTarget() {
        assertThat(targets.resolve("/api/q/metrics", null)).isEmpty();
        assertThat(targets.resolve("/api/", null)).isEmpty();
        assertThat(targets.resolve("/auth/me", null)).isEmpty();
    }

    @Test
    void aLocationTheServiceAnswersWithPointsBackUnderTheConsole() {
        ServiceTargets.Target runner = targets.resolve("/api/runner/workflows/runs", null).orElseThrow();
        ServiceTargets.Target cases = targets.resolve("/api/cases/cases", null).orElseThrow();

        assertThat(runner.browserLocation("http://127.0.0.1:8083/workflows/runs/7"))
                .isEqualTo("/api/runner/workflows/runs/7");
        assertThat(runner.browserLocation("/workflows/runs/7")).isEqualTo("/api/runner/workflows/runs/7");
        assertThat(cases.browserLocation("http://127.0.0.1:9000/case-service/cases/1")).isEqualTo("/api/cases/cases/1");
        assertThat(runner.browserLocation("https://elsewhere.example/x")).isEqualTo("https://elsewhere.example/x");
        assertThat(runner.browserLocation(null)).isNull();
    }

    @Test
    void aServiceUrlMustBeHttp() {
        assertThatThrownBy(() -> new ServiceTargets(Map.of("runner", "file:///etc/passwd")))
                .hasMessageContaining("orchestrion.console.services.runner");
    }
}
