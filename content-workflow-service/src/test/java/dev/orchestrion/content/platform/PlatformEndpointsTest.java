package dev.orchestrion.content.platform;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("MongoDB connection health check", "Kafka connection health check");
    }

    @Override
    protected String documentedPath() {
        return "/api/v1/internal/contenttype/{name}";
    }

    @Override
    protected String pathWithoutDelete() {
        return "/api/v1/internal/contenttype/anything";
    }
}
