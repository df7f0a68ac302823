package dev.orchestrion.runner.engine.node;

import java.util.List;
import java.util.Map;

/**
 * What a completed node changes in its run's state besides its own output. Executors return it; the engine applies
 * it through the run state's methods, so executors never write the state themselves.
 */
public sealed interface StateChange {

    /** A set node assigned these variables (in order). */
    record VarsAssigned(Map<String, Object> assigned) implements StateChange {
    }

    /** A forEach began looping over {@code items} (not empty). */
    record LoopOpened(String nodeId, List<Object> items) implements StateChange {
    }

    /**
     * An item branch of forEach {@code nodeId} ended: with {@code collects}, {@code collected} joins the results;
     * the loop moves to its next element or closes after the last.
     */
    record LoopAdvanced(String nodeId, boolean collects, Object collected) implements StateChange {
    }

    /** A waitForEvent took the oldest kept signal of this name. */
    record SignalTaken(String name) implements StateChange {
    }
}
