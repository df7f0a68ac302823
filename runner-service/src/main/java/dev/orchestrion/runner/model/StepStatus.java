package dev.orchestrion.runner.model;

/** The status of one node execution (one attempt) in a run's timeline. */
public enum StepStatus {

    /** Started; its result is not known yet (an outbound call under way). */
    RUNNING,
    /** Parked until a timer, a signal or a child run. */
    WAITING, COMPLETED, FAILED,
    /** Stopped because the run was cancelled or timed out while it ran or waited. */
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
