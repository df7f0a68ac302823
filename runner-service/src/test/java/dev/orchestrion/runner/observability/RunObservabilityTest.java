package dev.orchestrion.runner.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.runner.WebhookReceiver;
import dev.orchestrion.testsupport.TestTokens;

/**
 * What an operator sees of a run: one trace from {@code POST /workflows/run} through the run command on Kafka, the
 * executor and the run event, to the webhook delivery (whose receiver gets the trace too), and the runner's metrics
 * on {@code /q/metrics}.
 */
@QuarkusTest
class RunObservabilityTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneTraceFollowsARunFromItsRequestToItsWebhook() {
        String tenant = "obs-" + UUID.randomUUID().toString().substring(0, 8);
        String definitionId = PeerServices.activeDefinition(PeerServices.example("reference-workflow.json"));
        UUID caseId = PeerServices.existingCase(Map.of());
        UUID parametersId = PeerServices.parameterSet(definitionId, 1, Map.of("amount", 40));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            given().auth().oauth2(TestTokens.token(tenant, "operator")).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/traced"), "events", List.of("run.completed"))).when()
                    .post("/webhooks").then().statusCode(201);

            String client = TestTokens.token(tenant, "client");
            String runId = Runs.start(client, definitionId, caseId, parametersId);
            assertThat(Runs.awaitEnd(client, runId).getString("status")).isEqualTo("COMPLETED");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.count() >= 1);

            String traceparent = receiver.received().get(0).header("traceparent");
            assertThat(traceparent).as("the receiver is handed the run's trace")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            String traceId = traceparent.split("-")[1];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                        .toList();
                assertThat(trace).anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(s.getName()).contains("/workflows/run");
                });
                assertThat(trace).anySatisfy(s -> {
                    assertThat(s.getName()).isEqualTo("run.execute Start");
                    assertThat(s.getAttributes().asMap().toString()).contains(runId);
                });
                assertThat(trace).anySatisfy(s -> {
                    assertThat(s.getName()).isEqualTo("webhook.deliver");
                    assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
                });
            });

            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("orchestrion_runs_started_total{definition=\"" + definitionId + "\"}")
                    .contains("orchestrion_runs_ended_total{definition=\"" + definitionId + "\",status=\"completed\"}")
                    .contains("orchestrion_run_duration_seconds_bucket{definition=\"" + definitionId
                            + "\",status=\"completed\"")
                    .contains("orchestrion_node_duration_seconds_count{status=\"completed\",type=\"set\"}")
                    .contains("orchestrion_webhook_attempts_total{outcome=\"succeeded\"}")
                    .contains("orchestrion_outbox_backlog").contains("kafka_consumer_fetch_manager_records_lag_max")
                    .contains("http_server_requests_seconds_count");
        }
    }
}
