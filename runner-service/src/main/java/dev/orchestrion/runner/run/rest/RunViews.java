package dev.orchestrion.runner.run.rest;

import java.time.Instant;

import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunCounts;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.runner.run.model.RunOverview;

/** Runs and steps to their REST representations. */
public final class RunViews {

    private RunViews() {
    }

    public static RunView toView(Run run) {
        return new RunView(run.id, run.caseId, run.definitionId, run.version, run.status, run.environment,
                run.createdAt, run.startedAt, run.endedAt, run.error, run.parentRunId, run.trigger);
    }

    public static RunCountsView toView(RunCounts counts) {
        return new RunCountsView(counts.total(), counts.byStatus());
    }

    public static RunOverviewView toView(RunOverview overview) {
        Run run = overview.run();
        RunState.Wait wait = overview.waiting();
        RunOverviewView.Waiting waiting = wait == null
                ? null
                : new RunOverviewView.Waiting(wait.kind().name(), wait.nodeId(), wait.nodeType(), wait.attempt(),
                        instant(wait.startedAt()), instant(wait.until()), wait.signal(), wait.childRunId());
        return new RunOverviewView(toView(run), run.result, run.parentNodeId, overview.trigger(), waiting,
                overview.nodes().stream()
                        .map(n -> new RunOverviewView.NodeView(n.nodeId(), n.nodeType(), n.status(), n.executions(),
                                n.failures(), n.firstStartedAt(), n.lastEndedAt()))
                        .toList(),
                overview.steps().map(RunViews::toView));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    public static RunResultView toResult(Run run) {
        return new RunResultView(run.id, run.status, run.result, run.error);
    }

    public static StepView toView(StepRecord step) {
        return new StepView(step.seq(), step.nodeId(), step.nodeType(), step.attempt(), step.status(), step.startedAt(),
                step.endedAt(), step.durationMillis(), step.output(), step.inputs(), step.outputs(), step.error());
    }
}
