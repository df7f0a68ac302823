package dev.orchestrion.runner.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * Run commands as records of {@code workflow.run-commands} (StartRun, ResumeRun, CancelRun; keyed by run id) and
 * back: the edge between the engine's typed commands and their wire format, which stays as it is so that records
 * already in the topic keep working. The schemas are
 * docs/events/schemas/dev.orchestrion.run.{start,resume,cancel}.schema.json.
 */
public final class RunCommands {

    public static final String START = CloudEvents.TYPE_PREFIX + "start";
    public static final String RESUME = CloudEvents.TYPE_PREFIX + "resume";
    public static final String CANCEL = CloudEvents.TYPE_PREFIX + "cancel";

    // the reasons of ResumeRun (docs/events/schemas/dev.orchestrion.run.resume.schema.json)
    private static final String TIMER = "timer";
    private static final String SIGNAL = "signal";
    private static final String NODE_RESULT = "node-result";
    private static final String CHILD_ENDED = "child-ended";
    private static final String RETRY = "retry";
    private static final String CONTINUE = "continue";

    private RunCommands() {
    }

    /** A command addressed to one run, with the traceparent of the trace it belongs to (null when none). */
    public record Addressed(UUID runId, String tenant, EngineCommand command, String traceparent) {

        public Addressed(UUID runId, String tenant, EngineCommand command) {
            this(runId, tenant, command, null);
        }

        public Addressed tracedBy(String traceparent) {
            return new Addressed(runId, tenant, command, traceparent);
        }
    }

    public static OutgoingRecord start(Run run, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", run.id.toString());
        data.put("tenant", run.tenant);
        data.put("workflowDefinitionId", run.definitionId.toString());
        data.put("version", run.version);
        data.put("caseId", run.caseId.toString());
        data.put("parametersId", run.parametersId == null ? null : run.parametersId.toString());
        data.put("environment", run.environment);
        data.put("parentRunId", run.parentRunId == null ? null : run.parentRunId.toString());
        data.put("trigger", run.trigger);
        data.put("requestedAt", now.toString());
        return CloudEvents.record(Topics.RUN_COMMANDS, run.id.toString(), UUID.randomUUID(), START, now,
                run.id.toString(), run.tenant, data);
    }

    public static OutgoingRecord of(UUID runId, String tenant, EngineCommand command, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", runId.toString());
        data.put("tenant", tenant);
        data.put("requestedAt", now.toString());
        String type = RESUME;
        if (command instanceof EngineCommand.TimerFired timer) {
            data.put("reason", TIMER);
            putIfPresent(data, "waitId", timer.waitId());
        } else if (command instanceof EngineCommand.Signal signal) {
            data.put("reason", SIGNAL);
            if (signal.name() != null) {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("name", signal.name());
                named.put("data", signal.data());
                data.put("signal", named);
            }
        } else if (command instanceof EngineCommand.CallEnded ended) {
            data.put("reason", NODE_RESULT);
            putIfPresent(data, "waitId", ended.waitId());
            data.put("outcome", callOutcome(ended.outcome()));
        } else if (command instanceof EngineCommand.ChildEnded ended) {
            data.put("reason", CHILD_ENDED);
            putIfPresent(data, "childRunId", ended.childRunId());
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("status", ended.status());
            outcome.put("result", ended.result());
            outcome.put("error", ended.error());
            data.put("outcome", outcome);
        } else if (command instanceof EngineCommand.Retry) {
            data.put("reason", RETRY);
        } else if (command instanceof EngineCommand.Continue) {
            data.put("reason", CONTINUE);
        } else if (command instanceof EngineCommand.Cancel cancel) {
            type = CANCEL;
            putIfPresent(data, "reason", cancel.reason());
        } else {
            throw new IllegalArgumentException("StartRun is built from the run: " + command);
        }
        return CloudEvents.record(Topics.RUN_COMMANDS, runId.toString(), UUID.randomUUID(), type, now, runId.toString(),
                tenant, data);
    }

    /** Reads a command record; fails with IllegalArgumentException for anything that is not a run command. */
    @SuppressWarnings("unchecked")
    public static Addressed read(String type, String value) {
        Map<String, Object> data = Json.readMap(value);
        if (data == null || data.get("runId") == null) {
            throw new IllegalArgumentException("A run command needs a runId");
        }
        UUID runId = UUID.fromString(String.valueOf(data.get("runId")));
        String tenant = String.valueOf(data.get("tenant"));
        EngineCommand command;
        if (START.equals(type)) {
            command = new EngineCommand.Start();
        } else if (RESUME.equals(type)) {
            command = resume(data);
        } else if (CANCEL.equals(type)) {
            command = new EngineCommand.Cancel((String) data.get("reason"));
        } else {
            throw new IllegalArgumentException("Not a run command type: " + type);
        }
        return new Addressed(runId, tenant, command);
    }

    /** The command's name on the wire (Start, Resume, Cancel): what traces call it. */
    public static String name(EngineCommand command) {
        if (command instanceof EngineCommand.Start) {
            return "Start";
        }
        return command instanceof EngineCommand.Cancel ? "Cancel" : "Resume";
    }

    @SuppressWarnings("unchecked")
    private static EngineCommand resume(Map<String, Object> data) {
        String reason = String.valueOf(data.get("reason"));
        String waitId = (String) data.get("waitId");
        return switch (reason) {
            case TIMER -> new EngineCommand.TimerFired(waitId);
            case SIGNAL -> {
                Map<String, Object> signal = (Map<String, Object>) data.get("signal");
                yield new EngineCommand.Signal(signal == null ? null : String.valueOf(signal.get("name")),
                        signal == null ? null : signal.get("data"));
            }
            case NODE_RESULT -> new EngineCommand.CallEnded(waitId, callOutcome(outcome(data, reason)));
            case CHILD_ENDED -> {
                Map<String, Object> outcome = outcome(data, reason);
                yield new EngineCommand.ChildEnded((String) data.get("childRunId"),
                        String.valueOf(outcome.get("status")),
                        outcome.get("result") instanceof Map<?, ?> result ? (Map<String, Object>) result : null,
                        outcome.get("error") instanceof Map<?, ?> error ? (Map<String, Object>) error : null);
            }
            case RETRY -> new EngineCommand.Retry();
            case CONTINUE -> new EngineCommand.Continue();
            default -> throw new IllegalArgumentException("Unknown resume reason " + reason);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcome(Map<String, Object> data, String reason) {
        if (!(data.get("outcome") instanceof Map<?, ?> outcome)) {
            throw new IllegalArgumentException("A " + reason + " resume needs an outcome");
        }
        return (Map<String, Object>) outcome;
    }

    /** A call's outcome as ResumeRun carries it: {status: completed|failed|waiting-child, ...}. */
    static Map<String, Object> callOutcome(CallOutcome outcome) {
        Map<String, Object> wire = new LinkedHashMap<>();
        if (outcome instanceof CallOutcome.Completed completed) {
            wire.put("status", "completed");
            wire.put("output", completed.output());
            wire.put("data", completed.data());
        } else if (outcome instanceof CallOutcome.Failed failed) {
            wire.put("status", "failed");
            wire.put("message", failed.message());
            wire.put("kind", failed.kind());
            wire.put("code", failed.code());
        } else if (outcome instanceof CallOutcome.ChildStarted child) {
            wire.put("status", "waiting-child");
            wire.put("childRunId", child.childRunId());
        }
        return wire;
    }

    @SuppressWarnings("unchecked")
    static CallOutcome callOutcome(Map<String, Object> wire) {
        String status = String.valueOf(wire.get("status"));
        return switch (status) {
            case "completed" -> new CallOutcome.Completed(String.valueOf(wire.getOrDefault("output", "next")),
                    wire.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of());
            case "failed" -> new CallOutcome.Failed(String.valueOf(wire.get("message")),
                    String.valueOf(wire.getOrDefault("kind", "error")), (String) wire.get("code"));
            case "waiting-child" -> new CallOutcome.ChildStarted(String.valueOf(wire.get("childRunId")));
            default -> new CallOutcome.Failed("Unknown call outcome " + status, "error", null);
        };
    }

    private static void putIfPresent(Map<String, Object> data, String name, Object value) {
        if (value != null) {
            data.put(name, value);
        }
    }
}
