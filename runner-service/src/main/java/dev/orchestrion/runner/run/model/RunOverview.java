package dev.orchestrion.runner.run.model;

import java.util.List;
import java.util.Map;

import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.StepRecord;
import dev.orchestrion.support.paging.Page;

/**
 * Everything a run's page shows, read in one request: the run, what started it (masked as it may be shown), the wait
 * it is parked in, each node's outcome (the path it took) and the first page of its timeline.
 */
public record RunOverview(Run run, Map<String, Object> trigger, RunState.Wait waiting, List<NodeOutcome> nodes,
        Page<StepRecord> steps) {
}
