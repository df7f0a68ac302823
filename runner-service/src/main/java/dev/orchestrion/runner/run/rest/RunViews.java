package dev.orchestrion.runner.run.rest;

import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.StepRecord;

/** Runs and steps to their REST representations. */
public final class RunViews {

    private RunViews() {
    }

    public static RunView toView(Run run) {
        return new RunView(run.id, run.caseId, run.definitionId, run.version, run.status, run.environment,
                run.createdAt, run.startedAt, run.endedAt, run.error, run.parentRunId);
    }

    public static RunResultView toResult(Run run) {
        return new RunResultView(run.id, run.status, run.result, run.error);
    }

    public static StepView toView(StepRecord step) {
        return new StepView(step.seq(), step.nodeId(), step.nodeType(), step.attempt(), step.status(), step.startedAt(),
                step.endedAt(), step.durationMillis(), step.output(), step.inputs(), step.outputs(), step.error());
    }
}
