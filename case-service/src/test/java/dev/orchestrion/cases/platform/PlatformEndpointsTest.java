package dev.orchestrion.cases.platform;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Reactive PostgreSQL connections health check", "Kafka connection health check");
    }

    @Override
    protected String documentedPath() {
        return "/cases/{id}";
    }

    @Override
    protected String pathWithoutDelete() {
        return "/cases";
    }
}
