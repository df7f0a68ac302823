package dev.orchestrion.console.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server on 127.0.0.1 standing in for the four services, each under a path prefix of its own (so a test
 * sees which service a call reached): {@code /case-service}, {@code /definition-service}, {@code /runner-service},
 * {@code /content-service}. Tests stub answers and read what arrived.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-services-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String base = "http://127.0.0.1:" + server().port();
        return Map.of("orchestrion.console.services.cases", base + "/case-service",
                "orchestrion.console.services.definitions", base + "/definition-service",
                "orchestrion.console.services.runner", base + "/runner-service", "orchestrion.console.services.content",
                base + "/content-service");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped when the JVM exits
    }
}
