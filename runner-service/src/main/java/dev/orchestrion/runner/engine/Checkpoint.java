package dev.orchestrion.runner.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallRequest;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.StepRecord;

/**
 * What one engine stretch produced for one run, to be written in the batch's single transaction (the run row, the
 * steps, the events for the outbox, timers) and done after it commits (outbound calls, commands to other runs).
 */
public final class Checkpoint {

    private final Run run;
    private final boolean nodeEvents;
    private boolean changed;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private final List<String> resolvedWaits = new ArrayList<>();
    private boolean clearTimers;
    private final List<OutboundCall> calls = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();

    Checkpoint(Run run, boolean nodeEvents) {
        this.run = run;
        this.nodeEvents = nodeEvents;
    }

    /** An event for {@code workflow.run-events}: a CloudEvents type suffix (e.g. {@code completed}) and its data. */
    public record Event(UUID id, String type, Map<String, Object> data, Instant time) {
    }

    /** A durable timer: when {@code dueAt} passes, the run is resumed with reason {@code timer} and this wait id. */
    public record Timer(String waitId, Instant dueAt) {
    }

    /**
     * An outbound call to make after the checkpoint commits (described by {@code request}); its outcome resumes the
     * run. {@code timeout} bounds the whole attempt (credentials, address checks, connecting, the answer): past it
     * the attempt fails as a timeout.
     */
    public record OutboundCall(String waitId, CallContext context, Duration timeout, CallRequest request) {
    }

    /** A command for another run (or this one) to send after the checkpoint commits. */
    public record Command(UUID runId, String tenant, EngineCommand command) {
    }

    public Run run() {
        return run;
    }

    /** Whether the run's definition asks for one event per node transition (the lean stream folds them). */
    public boolean nodeEvents() {
        return nodeEvents;
    }

    public boolean changed() {
        return changed;
    }

    void markChanged() {
        changed = true;
    }

    public List<StepRecord> steps() {
        return steps;
    }

    public List<Event> events() {
        return events;
    }

    public List<Timer> timers() {
        return timers;
    }

    /** Waits that ended in this stretch: their timers are removed. */
    public List<String> resolvedWaits() {
        return resolvedWaits;
    }

    /** Whether every timer of the run is removed (it ended). */
    public boolean clearTimers() {
        return clearTimers;
    }

    public List<OutboundCall> calls() {
        return calls;
    }

    public List<Command> commands() {
        return commands;
    }

    void step(StepRecord step) {
        changed = true;
        steps.add(step);
    }

    void event(String type, Instant time, Map<String, Object> specific) {
        changed = true;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", run.id.toString());
        data.put("tenant", run.tenant);
        data.put("workflowDefinitionId", run.definitionId.toString());
        data.put("version", run.version);
        data.put("caseId", run.caseId.toString());
        data.put("occurredAt", time.toString());
        data.putAll(specific);
        events.add(new Event(UUID.randomUUID(), type, data, time));
    }

    void timer(String waitId, Instant dueAt) {
        changed = true;
        timers.add(new Timer(waitId, dueAt));
    }

    void resolved(String waitId) {
        resolvedWaits.add(waitId);
    }

    void clearAllTimers() {
        clearTimers = true;
        timers.clear();
    }

    void call(OutboundCall call) {
        calls.add(call);
    }

    void command(UUID runId, String tenant, EngineCommand command) {
        commands.add(new Command(runId, tenant, command));
    }
}
