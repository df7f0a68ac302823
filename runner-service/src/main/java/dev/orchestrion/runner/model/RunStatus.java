package dev.orchestrion.runner.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a run. Each status knows whether it is terminal and which statuses may follow it; every status
 * change goes through {@link #checkTransitionTo(RunStatus)}, the one guard against illegal moves.
 */
public enum RunStatus {

    PENDING, RUNNING, WAITING, COMPLETED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The statuses this one may move to. A FAILED run may run again (retry from the failed node). */
    public Set<RunStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED);
            case WAITING -> EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED);
            case FAILED -> EnumSet.of(RUNNING);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(RunStatus.class);
        };
    }

    public boolean canMoveTo(RunStatus target) {
        return next().contains(target);
    }

    public RunStatus checkTransitionTo(RunStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalRunTransitionException(this, target);
        }
        return target;
    }

    /** Thrown when code tries to move a run to a status its current one does not allow. */
    public static final class IllegalRunTransitionException extends IllegalStateException {

        public IllegalRunTransitionException(RunStatus from, RunStatus to) {
            super("A run cannot move from " + from + " to " + to);
        }
    }
}
