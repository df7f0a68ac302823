package dev.orchestrion.runner.run.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.orchestrion.runner.KafkaRecords;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.runner.Runs;
import dev.orchestrion.runner.WebhookReceiver;
import dev.orchestrion.testsupport.TestTokens;

/**
 * A redacted parameter, and what a workflow derives from it, stay masked in everything that leaves the runner: the
 * result, the steps, the run events on Kafka, webhook and callback bodies. The nodes themselves use the real value.
 */
@QuarkusTest
class RedactionApiTest {

    private static final String SECRET = "sk-live-0123456789";

    @Test
    void noAnswerEventOrDeliveryOfARunCarriesTheSecretOrWhatDerivesFromIt() {
        String tenant = "redact-" + UUID.randomUUID().toString().substring(0, 8);
        String client = TestTokens.token(tenant, "client");
        try (WebhookReceiver api = new WebhookReceiver(); WebhookReceiver hooks = new WebhookReceiver()) {
            given().auth().oauth2(TestTokens.token(tenant, "operator")).contentType(ContentType.JSON)
                    .body(Map.of("url", hooks.url("/subscription"), "events", List.of("run.completed"))).when()
                    .post("/webhooks").then().statusCode(201);
            String definitionId = PeerServices.activeDefinition("""
                    {"name":"Uses a key","parameters":[{"name":"apiKey","type":"string","redacted":true},
                       {"name":"region","type":"string"}],
                     "nodes":[{"id":"start","type":"start"},
                      {"id":"call","type":"http","properties":{"method":"POST","url":"%s",
                        "headers":{"X-Api-Key":"{{ params.apiKey }}","X-Key-Length":"{{ size(params.apiKey) }}",
                                   "X-Region":"{{ params.region }}"}}},
                      {"id":"copy","type":"set","properties":{"assignments":[{"name":"k","value":"params.apiKey"},
                        {"name":"len","value":"size(params.apiKey)"}]}},
                      {"id":"end","type":"end","properties":{"result":{"key":"params.apiKey","len":"vars.len",
                        "bearer":"'Bearer ' + vars.k","region":"params.region"}}}],
                     "executionConnectors":[{"from":"start","output":"next","to":"call"},
                       {"from":"call","output":"next","to":"copy"},{"from":"copy","output":"next","to":"end"}]}
                    """.formatted(api.url("/keyed")));
            UUID parametersId = PeerServices.parameterSet(definitionId, 1,
                    Map.of("apiKey", SECRET, "region", "eu-north"));
            String runId = given().auth().oauth2(client).contentType(ContentType.JSON)
                    .body(Map.of("caseId", PeerServices.existingCase(Map.of()), "workflowDefinitionId", definitionId,
                            "parametersId", parametersId, "callbackUrl", hooks.url("/callback")))
                    .when().post("/workflows/run").then().statusCode(200).extract().path("id");
            assertThat(Runs.awaitEnd(client, runId).getString("status")).isEqualTo("COMPLETED");

            // the node sent the real key (and what it computed from it)
            assertThat(api.received()).singleElement().satisfies(request -> {
                assertThat(request.header("X-Api-Key")).isEqualTo(SECRET);
                assertThat(request.header("X-Key-Length")).isEqualTo("18");
            });

            JsonPath result = Runs.result(client, runId);
            assertThat(result.getMap("result")).containsEntry("key", "***").containsEntry("len", "***")
                    .containsEntry("bearer", "***").containsEntry("region", "eu-north");

            String steps = given().auth().oauth2(client).when().get("/workflows/{id}/steps", runId).then()
                    .statusCode(200).extract().asString();
            assertThat(steps).doesNotContain(SECRET);
            JsonPath call = JsonPath.from(steps).setRootPath("items.find { it.nodeId == 'call' }");
            assertThat(call.getMap("inputs.headers")).containsEntry("X-Api-Key", "***")
                    .containsEntry("X-Key-Length", "***").containsEntry("X-Region", "eu-north");

            List<ConsumerRecord<String, String>> events = KafkaRecords.runEventsUntilEnded(runId);
            assertThat(events).extracting(ConsumerRecord::value)
                    .allSatisfy(event -> assertThat(event).doesNotContain(SECRET).doesNotContain("\"len\":18"));
            assertThat(events.get(events.size() - 1).value()).contains("\"len\":\"***\"");

            await().atMost(Duration.ofSeconds(20)).until(() -> hooks.count() >= 2);
            assertThat(hooks.received()).extracting(WebhookReceiver.Received::body)
                    .allSatisfy(body -> assertThat(JsonPath.from(body).getMap("data.result"))
                            .containsEntry("key", "***").containsEntry("len", "***").containsEntry("bearer", "***"))
                    .allSatisfy(body -> assertThat(body).doesNotContain(SECRET));
        }
    }
}
