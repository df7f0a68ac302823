package dev.orchestrion.runner.run.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.orchestrion.runner.engine.Checkpoint;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.events.RunEventRecords;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.run.repository.StepRepository;
import dev.orchestrion.runner.run.repository.TimerRepository;
import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * The checkpoints of one executor batch folded into what one transaction writes: each changed run once (its
 * latest state), every step, the timers' net effect (a timer set and resolved within the batch is never written),
 * and all records for the outbox in order.
 */
final class CheckpointBatch {

    private final Map<UUID, Run> changedRuns = new LinkedHashMap<>();
    private final List<StepRepository.RunStep> steps = new ArrayList<>();
    private final Map<TimerRepository.TimerKey, TimerRepository.Timer> timersToAdd = new LinkedHashMap<>();
    private final Set<TimerRepository.TimerKey> timersToRemove = new LinkedHashSet<>();
    private final Set<UUID> runsWithoutTimers = new LinkedHashSet<>();
    private final List<OutgoingRecord> records = new ArrayList<>();
    private final List<Checkpoint.OutboundCall> calls = new ArrayList<>();
    private final Set<UUID> endedRuns = new LinkedHashSet<>();
    private final Map<UUID, Run> startedRuns = new LinkedHashMap<>();
    private final Map<UUID, Run> endedRunStates = new LinkedHashMap<>();
    private final List<StepRecord> finishedSteps = new ArrayList<>();
    private final boolean nodeEventsEverywhere;

    /** {@code nodeEventsEverywhere}: every run publishes one event per node transition (the platform's switch). */
    CheckpointBatch(boolean nodeEventsEverywhere) {
        this.nodeEventsEverywhere = nodeEventsEverywhere;
    }

    /**
     * Folds one checkpoint in. {@code traceparent} (may be null) goes on every record it causes, so the run's trace
     * continues in whoever reads them; {@code starting} marks the checkpoint of a run's Start.
     */
    void add(Checkpoint checkpoint, Instant now, String traceparent, boolean starting) {
        Run run = checkpoint.run();
        if (starting) {
            startedRuns.put(run.id, run);
        }
        if (checkpoint.changed()) {
            changedRuns.put(run.id, run);
        }
        for (var step : checkpoint.steps()) {
            steps.add(new StepRepository.RunStep(run.id, step));
            if (step.endedAt() != null) {
                finishedSteps.add(step);
            }
        }
        if (checkpoint.clearTimers()) {
            runsWithoutTimers.add(run.id);
            timersToAdd.keySet().removeIf(key -> key.runId().equals(run.id));
        }
        for (String waitId : checkpoint.resolvedWaits()) {
            TimerRepository.TimerKey key = new TimerRepository.TimerKey(run.id, waitId);
            if (timersToAdd.remove(key) == null) {
                timersToRemove.add(key);
            }
        }
        for (Checkpoint.Timer timer : checkpoint.timers()) {
            TimerRepository.TimerKey key = new TimerRepository.TimerKey(run.id, timer.waitId());
            timersToAdd.put(key, new TimerRepository.Timer(run.id, timer.waitId(), run.tenant, timer.dueAt()));
        }
        for (OutgoingRecord record : RunEventRecords.records(run, checkpoint.events(),
                nodeEventsEverywhere || checkpoint.nodeEvents())) {
            records.add(RunTracing.traced(record, traceparent));
        }
        for (Checkpoint.Command command : checkpoint.commands()) {
            records.add(RunTracing.traced(RunCommands.of(command.runId(), command.tenant(), command.command(), now),
                    traceparent));
        }
        calls.addAll(checkpoint.calls());
        if (run.status.isTerminal()) {
            endedRuns.add(run.id);
            endedRunStates.put(run.id, run);
        }
    }

    List<Run> changedRuns() {
        return new ArrayList<>(changedRuns.values());
    }

    List<StepRepository.RunStep> steps() {
        return steps;
    }

    /** The steps alone (an eager start's batch holds one run). */
    List<dev.orchestrion.runner.model.StepRecord> stepRecords() {
        return steps.stream().map(StepRepository.RunStep::step).toList();
    }

    List<TimerRepository.Timer> timersToAdd() {
        return new ArrayList<>(timersToAdd.values());
    }

    List<TimerRepository.TimerKey> timersToRemove() {
        return new ArrayList<>(timersToRemove);
    }

    List<UUID> runsWithoutTimers() {
        return new ArrayList<>(runsWithoutTimers);
    }

    List<OutgoingRecord> records() {
        return records;
    }

    List<Checkpoint.OutboundCall> calls() {
        return calls;
    }

    Set<UUID> endedRuns() {
        return endedRuns;
    }

    Collection<Run> startedRuns() {
        return startedRuns.values();
    }

    /** The runs that ended in this batch, as they ended (for metrics). */
    Collection<Run> endedRunStates() {
        return endedRunStates.values();
    }

    /** The node executions that finished in this batch (for metrics). */
    List<StepRecord> finishedSteps() {
        return finishedSteps;
    }

    boolean isEmpty() {
        return changedRuns.isEmpty() && records.isEmpty();
    }
}
