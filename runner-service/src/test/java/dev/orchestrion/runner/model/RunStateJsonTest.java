package dev.orchestrion.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.json.Json;

/**
 * The run state's checkpoint JSON (column {@code runs.state}) keeps its shape: runs in flight across an upgrade
 * are read back by the new code and written as before.
 */
class RunStateJsonTest {

    /** Written by the release before RunState had methods (public fields), with every field set. */
    private static final String WRITTEN_BEFORE = """
            {"params":{"amount":75.0,"apiKey":"k-123456"},"caseData":{"id":"c1"},"trigger":{"kind":"api"},\
            "vars":{"doubled":150.0},"nodes":{"start":{},"loop":{"count":2}},\
            "frames":[{"nodeId":"loop","items":[1,2],"index":1,"results":[2]}],\
            "waiting":{"id":"w-1","kind":"SIGNAL","nodeId":"approval","nodeType":"waitForEvent","step":7,"attempt":2,\
            "startedAt":"2026-03-02T10:00:00Z","until":"2026-03-02T11:00:00Z","signal":"go"},\
            "attempts":{"approval":2},"executions":{"approval":2},"signals":[{"name":"early","data":{"by":"ada"}}],\
            "endedChildren":{"0b3c7a52-8a4e-4d52-9a57-1c2f4b8e9d10":{"status":"FAILED","result":null,\
            "error":{"message":"boom"}}},"nextStep":8,"onErrorPath":true,\
            "failure":{"nodeId":"call","nodeType":"http","message":"The endpoint answered 500","code":"HTTP_500",\
            "attempts":3},"inheritedSecrets":["s3cr3t",14]}""";

    private static final String NEW_RUN_BEFORE = """
            {"params":{},"trigger":{},"vars":{},"nodes":{},"frames":[],"attempts":{},"executions":{},"signals":[],\
            "endedChildren":{},"nextStep":1,"onErrorPath":false}""";

    @Test
    void aCheckpointWrittenBeforeReadsBackAndIsWrittenTheSame() {
        RunState state = Json.read(WRITTEN_BEFORE, RunState.class);

        assertThat(state.params()).containsEntry("amount", 75.0);
        assertThat(state.caseData()).containsEntry("id", "c1");
        assertThat(state.vars()).containsEntry("doubled", 150.0);
        assertThat(state.frames()).singleElement().satisfies(frame -> {
            assertThat(frame.nodeId()).isEqualTo("loop");
            assertThat(frame.index()).isEqualTo(1);
            assertThat(frame.item()).isEqualTo(2);
            assertThat(frame.results()).containsExactly(2);
        });
        assertThat(state.waiting()).isEqualTo(new RunState.Wait("w-1", RunState.WaitKind.SIGNAL, "approval",
                "waitForEvent", 7, 2, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "go", null));
        assertThat(state.attempt("approval")).isEqualTo(2);
        assertThat(state.signals()).containsExactly(new RunState.Signal("early", Map.of("by", "ada")));
        assertThat(state.endedChildren()).containsKey("0b3c7a52-8a4e-4d52-9a57-1c2f4b8e9d10");
        assertThat(state.onErrorPath()).isTrue();
        assertThat(state.failure())
                .isEqualTo(new RunState.Failure("call", "http", "The endpoint answered 500", "HTTP_500", 3));
        assertThat(state.inheritedSecrets()).containsExactly("s3cr3t", 14);
        assertThat(state.stepStarted("approval")).isEqualTo(new RunState.StepStarted(8, 2, 3));

        assertThat(Json.write(Json.read(WRITTEN_BEFORE, RunState.class))).isEqualTo(WRITTEN_BEFORE);
    }

    @Test
    void aNewRunsStateIsWrittenAsBefore() {
        assertThat(Json.write(new RunState())).isEqualTo(NEW_RUN_BEFORE);
        assertThat(Json.write(RunState.initial(Map.of(), null, Map.of(), null))).isEqualTo(NEW_RUN_BEFORE);
    }

    @Test
    void theStatesWritersChangeWhatTheirNamesSay() {
        RunState state = RunState.initial(Map.of("n", 1L), null, Map.of("kind", "api"), null);
        state.begin("start");
        assertThat(state.next()).isEqualTo("start");

        state.loopOpened("loop", List.of("a", "b"));
        state.loopOpened("inner", List.of("x"));
        state.loopAdvanced("loop", true, "A");
        // leaving the outer loop's item branch left the inner loop
        assertThat(state.frames()).singleElement().satisfies(frame -> {
            assertThat(frame.nodeId()).isEqualTo("loop");
            assertThat(frame.item()).isEqualTo("b");
            assertThat(frame.results()).containsExactly("A");
        });
        state.loopAdvanced("loop", false, null);
        assertThat(state.frames()).isEmpty();

        state.signalKept("go", 1L);
        state.signalKept("go", 2L);
        state.signalTaken("go");
        assertThat(state.signals()).containsExactly(new RunState.Signal("go", 2L));

        RunState.Wait backoff = new RunState.Wait("w", RunState.WaitKind.RETRY, "call", "http", 3, 1, "t", "u", null,
                null);
        state.retryScheduled("call", 1, backoff);
        assertThat(state.waiting()).isEqualTo(backoff);
        assertThat(state.next()).isNull();
        assertThat(state.attempt("call")).isEqualTo(2);
        assertThat(state.waitEnded()).isEqualTo(backoff);
        assertThat(state.waiting()).isNull();

        state.failed(new RunState.Failure("call", "http", "down", "HTTP_500", 2));
        assertThat(state.retriedFromFailure()).isEqualTo("call");
        assertThat(state.failure()).isNull();
        assertThat(state.attempt("call")).isEqualTo(1);
        assertThat(state.next()).isEqualTo("call");
    }
}
