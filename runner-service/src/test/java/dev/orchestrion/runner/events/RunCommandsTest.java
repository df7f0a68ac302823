package dev.orchestrion.runner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.testsupport.EventContracts;

/**
 * The engine's typed commands on {@code workflow.run-commands}: written exactly as the previous release wrote its
 * ResumeRun and CancelRun records, conforming to the contract, and records already in the topic read as typed
 * commands.
 */
class RunCommandsTest {

    private static final UUID RUN = UUID.fromString("5f0c2a4e-1d3b-4c6a-8e9f-0a1b2c3d4e5f");
    private static final String CHILD = "0b3c7a52-8a4e-4d52-9a57-1c2f4b8e9d10";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String HEAD = "{\"runId\":\"" + RUN + "\",\"tenant\":\"acme\",\"requestedAt\":\"" + NOW
            + "\",";

    /** Each typed command with the record the previous release wrote for it (its ResumeRun reason). */
    private static final Map<EngineCommand, String> WRITTEN_BEFORE = new LinkedHashMap<>();

    static {
        Map<String, Object> childResult = new LinkedHashMap<>();
        childResult.put("size", "large");
        WRITTEN_BEFORE.put(new EngineCommand.TimerFired("w-1"), HEAD + "\"reason\":\"timer\",\"waitId\":\"w-1\"}");
        WRITTEN_BEFORE.put(new EngineCommand.Signal("approved", Map.of("by", "ada")),
                HEAD + "\"reason\":\"signal\",\"signal\":{\"name\":\"approved\",\"data\":{\"by\":\"ada\"}}}");
        WRITTEN_BEFORE.put(new EngineCommand.CallEnded("w-2", new CallOutcome.Completed("next", Map.of("status", 200))),
                HEAD + "\"reason\":\"node-result\",\"waitId\":\"w-2\",\"outcome\":{\"status\":\"completed\","
                        + "\"output\":\"next\",\"data\":{\"status\":200}}}");
        WRITTEN_BEFORE.put(new EngineCommand.ChildEnded(CHILD, "COMPLETED", childResult, null),
                HEAD + "\"reason\":\"child-ended\",\"childRunId\":\"" + CHILD + "\",\"outcome\":{\"status\":"
                        + "\"COMPLETED\",\"result\":{\"size\":\"large\"},\"error\":null}}");
        WRITTEN_BEFORE.put(new EngineCommand.Retry(), HEAD + "\"reason\":\"retry\"}");
        WRITTEN_BEFORE.put(new EngineCommand.Continue(), HEAD + "\"reason\":\"continue\"}");
        WRITTEN_BEFORE.put(new EngineCommand.Cancel("no longer needed"), HEAD + "\"reason\":\"no longer needed\"}");
    }

    @Test
    void everyCommandIsWrittenAsBeforeConformsToItsContractAndReadsBackAsItself() {
        WRITTEN_BEFORE.forEach((command, before) -> {
            OutgoingRecord record = RunCommands.of(RUN, "acme", command, NOW);
            String type = record.headers().get("ce_type");
            assertThat(type)
                    .isEqualTo(command instanceof EngineCommand.Cancel ? RunCommands.CANCEL : RunCommands.RESUME);
            assertThat(record.value()).as("%s", command).isEqualTo(before);
            EventContracts.assertConforms(type, record.value());

            RunCommands.Addressed read = RunCommands.read(type, before);
            assertThat(read.runId()).isEqualTo(RUN);
            assertThat(read.tenant()).isEqualTo("acme");
            assertThat(read.command()).isEqualTo(command);
        });
    }

    @Test
    void callOutcomesTravelEachWay() {
        for (CallOutcome outcome : List.of(new CallOutcome.Completed("received", Map.of("a", List.of(1))),
                new CallOutcome.Failed("The endpoint answered 503", "5xx", "HTTP_503"),
                new CallOutcome.Failed("boom", "error", null), new CallOutcome.ChildStarted(CHILD))) {
            EngineCommand command = new EngineCommand.CallEnded("w", outcome);
            OutgoingRecord record = RunCommands.of(RUN, "acme", command, NOW);
            EventContracts.assertConforms(RunCommands.RESUME, record.value());
            assertThat(RunCommands.read(RunCommands.RESUME, record.value()).command()).isEqualTo(command);
        }
        // an outcome this release does not know fails the node instead of the batch
        assertThat(RunCommands
                .read(RunCommands.RESUME,
                        HEAD + "\"reason\":\"node-result\",\"waitId\":\"w\",\"outcome\":{\"status\":\"exploded\"}}")
                .command())
                .isEqualTo(new EngineCommand.CallEnded("w",
                        new CallOutcome.Failed("Unknown call outcome exploded", "error", null)));
    }

    @Test
    void aStartRunReadsAsStartAndOtherRecordsAreRefused() {
        assertThat(RunCommands.read(RunCommands.START, HEAD + "\"version\":1}").command())
                .isEqualTo(new EngineCommand.Start());
        assertThatThrownBy(() -> RunCommands.read(RunCommands.RESUME, HEAD + "\"reason\":\"bored\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bored");
        assertThatThrownBy(() -> RunCommands.read(RunCommands.RESUME, HEAD + "\"reason\":\"node-result\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> RunCommands.read("dev.orchestrion.run.completed", HEAD + "\"x\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunCommands.of(RUN, "acme", new EngineCommand.Start(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tracesNameCommandsAsTheWireDoes() {
        assertThat(RunCommands.name(new EngineCommand.Start())).isEqualTo("Start");
        assertThat(RunCommands.name(new EngineCommand.TimerFired("w"))).isEqualTo("Resume");
        assertThat(RunCommands.name(new EngineCommand.Cancel(null))).isEqualTo("Cancel");
    }
}
