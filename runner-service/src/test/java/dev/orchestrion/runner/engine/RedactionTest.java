package dev.orchestrion.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.model.StepRecord;

/** Redacted parameters and what derives from them never leave a run unmasked (docs/node-types.md). */
class RedactionTest {

    private static final String SECRET = "s3cr3t-api-key";

    /**
     * An http node uses the key; set nodes copy it, measure it and compute from the measure; the end node maps all
     * of them, a field that is not derived, and the endpoint's echo of the key.
     */
    private static final String DEFINITION = """
            {"parameters":[{"name":"apiKey","type":"string","redacted":true},{"name":"region","type":"string"}],
             "nodes":[{"id":"start","type":"start"},
              {"id":"call","type":"http","properties":{"url":"https://example.com/?key={{ params.apiKey }}",
                "headers":{"X-Key-Length":"{{ size(params.apiKey) }}","X-Region":"{{ params.region }}"}}},
              {"id":"copy","type":"set","properties":{"assignments":[{"name":"k","value":"params.apiKey"},
                {"name":"len","value":"size(params.apiKey)"},{"name":"region","value":"params.region"}]}},
              {"id":"twice","type":"set","properties":{"assignments":[{"name":"len2","value":"vars.len * 2"}]}},
              {"id":"end","type":"end","properties":{"result":{"key":"params.apiKey","len":"vars.len",
                "len2":"vars.len2","viaNode":"nodes.copy.len","copied":"vars.k","bearer":"'Bearer ' + params.apiKey",
                "region":"vars.region","echo":"nodes.call.body"}}}],
             "executionConnectors":[{"from":"start","output":"next","to":"call"},{"from":"call","output":"next","to":"copy"},
              {"from":"copy","output":"next","to":"twice"},{"from":"twice","output":"next","to":"end"}]}
            """;

    @Test
    void theResultEventsAndStepsMaskTheSecretAndWhatDerivesFromItWhileTheRunUsesTheRealValues() {
        EngineHarness h = new EngineHarness(DEFINITION, Map.of("apiKey", SECRET, "region", "eu-north"));
        h.run.parentRunId = UUID.randomUUID();
        Checkpoint started = h.start();
        // the node itself sends the real key
        assertThat(started.calls().get(0).context().inputs()).containsEntry("url",
                "https://example.com/?key=" + SECRET);
        h.callResult(started.calls().get(0).waitId(),
                new CallOutcome.Completed("next", Map.of("status", 200L, "body", "you sent " + SECRET)));

        assertThat(h.run.status).isEqualTo(RunStatus.COMPLETED);
        Map<String, Object> result = h.run.result;
        assertThat(result).containsEntry("key", "***").containsEntry("len", "***").containsEntry("len2", "***")
                .containsEntry("viaNode", "***").containsEntry("copied", "***").containsEntry("bearer", "***")
                .containsEntry("region", "eu-north").containsEntry("echo", "you sent ***");
        Checkpoint.Event completed = h.last().events().get(h.last().events().size() - 1);
        assertThat(completed.type()).isEqualTo("completed");
        assertThat(completed.data()).containsEntry("result", result);
        // what the parent hears of its child's end is masked too (the child run id may contain "14": not checked)
        assertThat(h.last().commands()).singleElement()
                .satisfies(c -> assertThat(((EngineCommand.ChildEnded) c.command()).result().toString())
                        .doesNotContain(SECRET).doesNotContain("=14").contains("region=eu-north"));

        // what the run keeps for its own nodes is real
        assertThat(h.run.state.vars()).containsEntry("k", SECRET).containsEntry("len", 14L).containsEntry("len2", 28L);

        // a call's inputs are written when it starts; its end adds the outputs
        StepRecord callStarted = h.steps().stream().filter(s -> s.nodeId().equals("call") && s.endedAt() == null)
                .findFirst().orElseThrow();
        StepRecord call = step(h, "call");
        assertThat(callStarted.inputs()).containsEntry("url", "https://example.com/?key=***");
        assertThat(call.outputs()).containsEntry("body", "you sent ***");
        StepRecord copy = step(h, "copy");
        assertThat(copy.outputs()).containsEntry("k", "***").containsEntry("len", "***").containsEntry("region",
                "eu-north");
        assertThat(copy.inputs()).containsEntry("assignments", Map.of("k", "***", "len", "***", "region", "eu-north"));
        assertThat(step(h, "twice").outputs()).containsEntry("len2", "***");
        assertThat(step(h, "end").outputs()).isEqualTo(result);
        String everythingThatLeft = h.steps() + " " + h.checkpoints.stream().map(Checkpoint::events).toList();
        // ids are random UUIDs: "=28" alone could be the start of one
        assertThat(everythingThatLeft).doesNotContain(SECRET).doesNotContain("=14,").doesNotContain("=28,")
                .doesNotContain("=28}");
    }

    @Test
    void aFailureMessageAboutTheSecretIsMasked() {
        EngineHarness h = new EngineHarness("""
                {"parameters":[{"name":"apiKey","type":"string","redacted":true}],
                 "nodes":[{"id":"start","type":"start"},
                  {"id":"len","type":"set","properties":{"assignments":[{"name":"n","value":"size(params.apiKey)"}]}},
                  {"id":"plain","type":"fail","properties":{"message":"The key {{ params.apiKey }} was refused"}},
                  {"id":"derived","type":"fail","properties":{"message":"The key has {{ vars.n }} characters"}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"len"},
                   {"from":"len","output":"next","to":"%s"}]}
                """.formatted("plain"), Map.of("apiKey", SECRET));
        h.start();
        assertThat(h.run.error).containsEntry("message", "The key *** was refused");

        EngineHarness derived = new EngineHarness("""
                {"parameters":[{"name":"apiKey","type":"string","redacted":true}],
                 "nodes":[{"id":"start","type":"start"},
                  {"id":"len","type":"set","properties":{"assignments":[{"name":"n","value":"size(params.apiKey)"}]}},
                  {"id":"derived","type":"fail","properties":{"message":"The key has {{ vars.n }} characters"}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"len"},
                   {"from":"len","output":"next","to":"derived"}]}
                """, Map.of("apiKey", SECRET));
        derived.start();
        assertThat(derived.run.error).containsEntry("message", "***");
        assertThat(derived.eventTypes()).endsWith("failed");
        assertThat(derived.last().events().toString()).doesNotContain("14 characters");
    }

    @Test
    void theLeavesOfARedactedObjectAreSecretsToo() {
        EngineHarness h = new EngineHarness("""
                {"parameters":[{"name":"login","type":"object","redacted":true}],
                 "nodes":[{"id":"start","type":"start"},
                  {"id":"end","type":"end","properties":{"result":{"user":"params.login.user",
                    "greeting":"'hello ' + params.login.user"}}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"end"}]}
                """, Map.of("login", Map.of("user", "ada-lovelace", "password", "correct-horse")));
        h.start();
        assertThat(h.run.result).containsEntry("user", "***").containsEntry("greeting", "***");
        assertThat(h.run.state.params()).containsEntry("login",
                Map.of("user", "ada-lovelace", "password", "correct-horse"));
    }

    @Test
    void aChildRunMasksWhatItsParentPassedItFromASecret() {
        EngineHarness parent = new EngineHarness("""
                {"parameters":[{"name":"apiKey","type":"string","redacted":true},{"name":"region","type":"string"}],
                 "nodes":[{"id":"start","type":"start"},
                  {"id":"child","type":"subWorkflow","properties":{"definitionId":"%s","wait":false,
                    "parameters":{"key":"params.apiKey","len":"size(params.apiKey)","region":"params.region"}}},
                  {"id":"end","type":"end"}],
                 "executionConnectors":[{"from":"start","output":"next","to":"child"},
                   {"from":"child","output":"next","to":"end"}]}
                """.formatted(UUID.randomUUID()), Map.of("apiKey", SECRET, "region", "eu-north"));
        Checkpoint started = parent.start();
        // the child run the node asks for gets the parent's secret and the parameter derived from it to mask
        List<Object> passed = ((CallRequest.ChildRun) started.calls().get(0).request()).secrets();
        assertThat(passed).containsExactlyInAnyOrder(SECRET, 14L);
        assertThat(started.steps()).filteredOn(s -> s.nodeId().equals("child")).singleElement()
                .satisfies(s -> assertThat(s.inputs()).containsEntry("parameters",
                        Map.of("key", "***", "len", "***", "region", "eu-north")));

        // the child's own definition does not declare its parameters redacted: what the parent passed masks them
        EngineHarness child = new EngineHarness("""
                {"parameters":[{"name":"key","type":"string"},{"name":"len","type":"integer"},
                   {"name":"region","type":"string"}],
                 "nodes":[{"id":"start","type":"start"},
                  {"id":"end","type":"end","properties":{"result":{"key":"params.key","len":"params.len",
                    "region":"params.region"}}}],
                 "executionConnectors":[{"from":"start","output":"next","to":"end"}]}
                """, Map.of("key", SECRET, "len", 14L, "region", "eu-north"));
        child.inheritSecrets(passed);
        child.start();
        assertThat(child.run.result).containsEntry("key", "***").containsEntry("len", "***").containsEntry("region",
                "eu-north");
        assertThat(child.steps().toString()).doesNotContain(SECRET);
    }

    private static StepRecord step(EngineHarness h, String nodeId) {
        return h.steps().stream().filter(s -> s.nodeId().equals(nodeId) && s.endedAt() != null).findFirst()
                .orElseThrow();
    }
}
