package dev.orchestrion.runner.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * The executors that need the world (http, sendEmail, updateCase, contentTransition, subWorkflow) only describe
 * their call: values resolved, connections by id, the attempt's default timeout. Nothing is called here.
 */
class CallExecutorsTest {

    @Nested
    class HttpNode {

        @Test
        void rendersTheRequestThroughItsConnection() {
            NodeFixture f = NodeFixture.definition("""
                    {"nodes":[{"id":"start","type":"start"},
                      {"id":"score","type":"http","properties":{"connection":"bureau","method":"post",
                        "url":"/scores/{{ params.id }}","headers":{"Authorization":"Bearer {{ params.token }}",
                        "X-Case":"{{ case.id }}"},"query":{"full":"{{ params.full }}"},"body":"{'id': params.id}",
                        "successStatus":["2xx","404"]}}],
                     "connections":{"bureau":"conn-1"}}
                    """, Map.of("id", "42", "token", "t0k", "full", true));
            NodeResult result = f.execute("score");

            assertThat(result).isEqualTo(new NodeResult.Call(Duration.ofSeconds(10),
                    new CallRequest.HttpRequest("POST", "/scores/42",
                            Map.of("Authorization", "Bearer t0k", "X-Case", "case-1"), Map.of("full", "true"),
                            Map.of("id", "42"), List.of("2xx", "404"), "conn-1", Duration.ofSeconds(10))));
            // what the timeline shows: the real URL and headers, but never an Authorization value
            assertThat(f.inputs()).containsEntry("url", "/scores/42").containsEntry("method", "POST")
                    .containsEntry("headers", Map.of("Authorization", "***", "X-Case", "case-1"));
        }

        @Test
        void aGetWithoutConnectionExpectsA2xxAndTakesTheNodesTimeout() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"ping","type":"http","timeout":"PT3S","properties":{"url":"https://example.com/ping"}}
                    """, Map.of());
            assertThat(f.execute("ping")).isEqualTo(new NodeResult.Call(Duration.ofSeconds(3),
                    new CallRequest.HttpRequest("GET", "https://example.com/ping", Map.of(), Map.of(), null,
                            List.of("2xx"), null, Duration.ofSeconds(3))));
        }

        @Test
        void aConnectionNotResolvedAtPublicationFailsTheNode() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"call","type":"http","properties":{"connection":"gone","url":"/x"}}
                    """, Map.of());
            assertThat(f.execute("call")).isEqualTo(new NodeResult.Failed(
                    "Connection gone was not resolved when the version was published", "error", null));
        }
    }

    @Nested
    class SendEmailNode {

        @Test
        void rendersTheMessageForItsSmtpConnection() {
            NodeFixture f = NodeFixture.definition("""
                    {"nodes":[{"id":"start","type":"start"},
                      {"id":"mail","type":"sendEmail","properties":{"connection":"mailer",
                        "to":"{{ case.email }}, ops@example.com ,","subject":"Hi {{ params.name }}",
                        "body":"<b>{{ params.name }}</b>","html":true}}],
                     "connections":{"mailer":"smtp-1"}}
                    """, Map.of("name", "Ada"));
            assertThat(f.execute("mail"))
                    .isEqualTo(new NodeResult.Call(Duration.ofSeconds(30), new CallRequest.Email("smtp-1",
                            List.of("ada@example.com", "ops@example.com"), "Hi Ada", "<b>Ada</b>", true)));
        }

        @Test
        void withoutAResolvedConnectionItFails() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"mail","type":"sendEmail","properties":{"connection":"mailer","to":"a@example.com"}}
                    """, Map.of());
            assertThat(f.execute("mail")).isEqualTo(new NodeResult.Failed(
                    "sendEmail needs an smtp connection; 'mailer' is not resolved", "error", null));
        }
    }

    @Nested
    class UpdateCaseNode {

        @Test
        void evaluatesItsPatch() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"patch","type":"updateCase","properties":{"patch":{"score":"params.score + 1","tier":7}}}
                    """, Map.of("score", 719L));
            Map<String, Object> patch = Map.of("score", 720L, "tier", 7);
            assertThat(f.execute("patch"))
                    .isEqualTo(new NodeResult.Call(Duration.ofSeconds(10), new CallRequest.CasePatch(patch)));
            assertThat(f.inputs()).containsEntry("patch", patch);
        }
    }

    @Nested
    class ContentTransitionNode {

        @Test
        void namesTheEntryAndTheEvent() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"submit","type":"contentTransition","properties":{"contentType":"post",
                      "entryId":"entry-{{ params.n }}","event":"draft.submit","message":"by {{ params.who }}"}}
                    """, Map.of("n", 1L, "who", "ada"));
            assertThat(f.execute("submit")).isEqualTo(new NodeResult.Call(Duration.ofSeconds(10),
                    new CallRequest.ContentTransition("post", "entry-1", "draft.submit", "by ada")));
        }

        @Test
        void theMessageIsOptional() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"submit","type":"contentTransition","properties":{"contentType":"post","entryId":"e",
                      "event":"review.approve"}}
                    """, Map.of());
            assertThat(((NodeResult.Call) f.execute("submit")).request())
                    .isEqualTo(new CallRequest.ContentTransition("post", "e", "review.approve", null));
        }
    }

    @Nested
    class SubWorkflowNode {

        @Test
        void asksForAChildRunAndWaitsForItByDefault() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"child","type":"subWorkflow","properties":{"definitionId":"def-2",
                      "parameters":{"amount":"params.x * 2","fixed":7}}}
                    """, Map.of("x", 21L));
            assertThat(f.execute("child")).isEqualTo(new NodeResult.Call(Duration.ofSeconds(30),
                    new CallRequest.ChildRun("def-2", Map.of("amount", 42L, "fixed", 7), List.of(), true)));
        }

        @Test
        void withoutWaitingTheNodeGoesOnOnceTheChildStarted() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"child","type":"subWorkflow","properties":{"definitionId":"def-2","wait":false}}
                    """, Map.of());
            assertThat(((CallRequest.ChildRun) ((NodeResult.Call) f.execute("child")).request()).waitForEnd())
                    .isFalse();
        }

        @Test
        void theChildMustMaskTheParentsSecretsAndWhatDerivesFromThem() {
            NodeFixture f = NodeFixture.definition("""
                    {"parameters":[{"name":"key","type":"string","redacted":true},{"name":"region","type":"string"}],
                     "nodes":[{"id":"start","type":"start"},
                      {"id":"child","type":"subWorkflow","properties":{"definitionId":"def-2",
                        "parameters":{"k":"params.key","len":"size(params.key)","region":"params.region"}}}]}
                    """, Map.of("key", "s3cr3t-key", "region", "eu"));
            CallRequest.ChildRun run = (CallRequest.ChildRun) ((NodeResult.Call) f.execute("child")).request();
            assertThat(run.secrets()).containsExactlyInAnyOrder("s3cr3t-key", 10L);
            assertThat(run.parameters()).containsEntry("k", "s3cr3t-key").containsEntry("region", "eu");
        }
    }
}
