package dev.orchestrion.runner.stats.model;

/** Per node: executions entered, completed and failed, and runs waiting in it now. */
public record NodeTotals(String nodeId, String nodeType, long entered, long completed, long failed, long waiting) {
}
