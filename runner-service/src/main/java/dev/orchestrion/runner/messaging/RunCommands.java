package dev.orchestrion.runner.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.EngineCommand;
import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * Run commands as records of {@code workflow.run-commands} (StartRun, ResumeRun, CancelRun; keyed by run id) and
 * back. The schemas are docs/events/schemas/dev.orchestrion.run.{start,resume,cancel}.schema.json.
 */
public final class RunCommands {

    public static final String START = CloudEvents.TYPE_PREFIX + "start";
    public static final String RESUME = CloudEvents.TYPE_PREFIX + "resume";
    public static final String CANCEL = CloudEvents.TYPE_PREFIX + "cancel";

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
        String type;
        if (command instanceof EngineCommand.Resume resume) {
            type = RESUME;
            data.put("reason", resume.reason());
            putIfPresent(data, "waitId", resume.waitId());
            if (resume.signalName() != null) {
                Map<String, Object> signal = new LinkedHashMap<>();
                signal.put("name", resume.signalName());
                signal.put("data", resume.signalData());
                data.put("signal", signal);
            }
            putIfPresent(data, "childRunId", resume.childRunId());
            putIfPresent(data, "outcome", resume.outcome());
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
            Map<String, Object> signal = (Map<String, Object>) data.get("signal");
            command = new EngineCommand.Resume(String.valueOf(data.get("reason")), (String) data.get("waitId"),
                    signal == null ? null : String.valueOf(signal.get("name")),
                    signal == null ? null : signal.get("data"), (Map<String, Object>) data.get("outcome"),
                    (String) data.get("childRunId"));
        } else if (CANCEL.equals(type)) {
            command = new EngineCommand.Cancel((String) data.get("reason"));
        } else {
            throw new IllegalArgumentException("Not a run command type: " + type);
        }
        return new Addressed(runId, tenant, command);
    }

    private static void putIfPresent(Map<String, Object> data, String name, Object value) {
        if (value != null) {
            data.put(name, value);
        }
    }
}
