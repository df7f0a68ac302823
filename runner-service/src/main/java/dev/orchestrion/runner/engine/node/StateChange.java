package dev.orchestrion.runner.engine.node;

import java.util.List;
import java.util.Map;

import dev.orchestrion.runner.model.RunState;

/**
 * What a completed node changes in its run's state besides its own output. Executors return it; the engine applies
 * it through the run state's methods ({@link #applyTo}), so executors never write the state themselves.
 */
public sealed interface StateChange {

    /** Makes the change, through the state's own writers. */
    void applyTo(RunState state);

    /** A set node assigned these variables (in order). */
    record VarsAssigned(Map<String, Object> assigned) implements StateChange {

        @Override
        public void applyTo(RunState state) {
            state.varsAssigned(assigned);
        }
    }

    /** A forEach began looping over {@code items} (not empty). */
    record LoopOpened(String nodeId, List<Object> items) implements StateChange {

        @Override
        public void applyTo(RunState state) {
            state.loopOpened(nodeId, items);
        }
    }

    /**
     * An item branch of forEach {@code nodeId} ended: with {@code collects}, {@code collected} joins the results;
     * the loop moves to its next element or closes after the last.
     */
    record LoopAdvanced(String nodeId, boolean collects, Object collected) implements StateChange {

        @Override
        public void applyTo(RunState state) {
            state.loopAdvanced(nodeId, collects, collected);
        }
    }

    /** A waitForEvent took the oldest kept signal of this name. */
    record SignalTaken(String name) implements StateChange {

        @Override
        public void applyTo(RunState state) {
            state.signalTaken(name);
        }
    }
}
