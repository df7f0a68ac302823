package dev.orchestrion.runner.engine.state;

import dev.orchestrion.runner.model.RunState;

/**
 * Keeps one run within its {@link Budgets} during one engine stretch. Every value a node stores is measured (its
 * own size is needed anyway to check it); the state's size is an estimate that only grows by what was stored, and
 * only when that estimate passes the cap is the whole state measured again. So a stretch measures each new value
 * once, and the whole state only when it may really be too large.
 */
public final class StateBudget {

    public static final String VALUE_TOO_LARGE = "VALUE_TOO_LARGE";
    public static final String RUN_STATE_TOO_LARGE = "RUN_STATE_TOO_LARGE";

    /** Room for the bookkeeping fields (attempts, wait, counters), which are small and not measured one by one. */
    private static final long BOOKKEEPING = 512;

    private final Budgets limits;
    private final RunState state;
    private long estimate;

    /**
     * @param knownSize the state's size when the stretch begins if known (the length of the JSON it was read
     *        from), or a negative number to measure it
     */
    public StateBudget(Budgets limits, RunState state, long knownSize) {
        this.limits = limits;
        this.state = state;
        this.estimate = knownSize >= 0 ? knownSize : measure(state, limits.maxStateSize());
    }

    /** The state's size as far as this budget knows (at least its real size, give or take the estimate). */
    public long estimate() {
        return estimate;
    }

    /**
     * Checks that {@code value}, about to be stored in the state (and not in it yet), fits both budgets, and counts
     * it.
     *
     * @param what names the value for the error message, e.g. "Assignment total of node sum"
     * @throws BudgetExceededException with {@link #VALUE_TOO_LARGE} or {@link #RUN_STATE_TOO_LARGE}
     */
    public void stored(String what, Object value) {
        long size = JsonSize.of(value, limits.maxValueSize());
        if (size > limits.maxValueSize()) {
            throw new BudgetExceededException(VALUE_TOO_LARGE, valueTooLarge(what, limits.maxValueSize()));
        }
        grow(size);
    }

    /** The message of a value larger than {@code maxValueSize}. */
    public static String valueTooLarge(String what, long maxValueSize) {
        return what + " is larger than " + human(maxValueSize) + ", the most one value of a run may hold";
    }

    /**
     * Counts {@code size} more data about to be added to the state (it is not in the state yet).
     *
     * @throws BudgetExceededException with {@link #RUN_STATE_TOO_LARGE}
     */
    private void grow(long size) {
        estimate += size;
        if (estimate > limits.maxStateSize()) {
            estimate = measure(state, limits.maxStateSize()) + size;
            if (estimate > limits.maxStateSize()) {
                throw new BudgetExceededException(RUN_STATE_TOO_LARGE, "The run's data would be larger than "
                        + human(limits.maxStateSize()) + ", the most one run may hold");
            }
        }
    }

    /** The whole state's estimated JSON size, or a number above {@code cap} once it is certain to be larger. */
    static long measure(RunState state, long cap) {
        long total = BOOKKEEPING;
        total += JsonSize.of(state.params(), cap - total);
        total += JsonSize.of(state.caseData(), cap - total);
        total += JsonSize.of(state.trigger(), cap - total);
        total += JsonSize.of(state.vars(), cap - total);
        total += JsonSize.of(state.nodes(), cap - total);
        for (RunState.Frame frame : state.frames()) {
            total += JsonSize.of(frame.items(), cap - total) + JsonSize.of(frame.results(), cap - total);
        }
        for (RunState.Signal signal : state.signals()) {
            total += JsonSize.of(signal.name(), cap - total) + JsonSize.of(signal.data(), cap - total);
        }
        total += JsonSize.of(state.endedChildren(), cap - total);
        return total;
    }

    static String human(long size) {
        if (size % (1024 * 1024) == 0) {
            return size / (1024 * 1024) + " MiB";
        }
        if (size % 1024 == 0) {
            return size / 1024 + " KiB";
        }
        return size + " bytes";
    }
}
