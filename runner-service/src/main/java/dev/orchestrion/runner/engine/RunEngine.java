package dev.orchestrion.runner.engine;

import java.time.Duration;
import java.time.Instant;

import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.node.NodeExecutors;
import dev.orchestrion.runner.engine.state.Budgets;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.model.Run;

/**
 * Drives one run through one stretch: applies a command ({@link CommandDispatch}), then executes nodes
 * ({@link NodeLoop}) and handles their results ({@link ResultHandling}) until the run ends ({@link RunEnding}),
 * parks or hands a call to the world. Everything it produces goes into a {@link Checkpoint} (events through
 * {@link RunEvents}); it does no I/O itself, so a stretch is deterministic apart from the clock and random splits,
 * and a crash before the checkpoint commits simply replays it.
 */
public final class RunEngine {

    /**
     * How long after an outbound call's own timeout the run gives up waiting for its result. The call enforces its
     * timeout itself (OutboundCalls); this timer only stands in for a result lost with a crashed instance.
     */
    static final Duration CALL_GRACE = Duration.ofSeconds(30);
    /** How long a call may take when neither its node nor its type says. */
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final String RUN_TIMEOUT_WAIT = "run-timeout";
    /** The failure kind of a node that exceeded a budget (never retried: it would fail the same way). */
    public static final String BUDGET_FAILURE = "budget";

    private final NodeExecutors executors;
    private final Expressions expressions;
    private final Budgets budgets;

    public RunEngine(NodeExecutors executors, Expressions expressions) {
        this(executors, expressions, Budgets.DEFAULT);
    }

    public RunEngine(NodeExecutors executors, Expressions expressions, Budgets budgets) {
        this.executors = executors;
        this.expressions = expressions;
        this.budgets = budgets;
    }

    public Checkpoint process(Run run, WorkflowGraph graph, EngineCommand command, Instant now) {
        return process(run, graph, command, now, StretchLimit.EXECUTOR);
    }

    /** Applies {@code command} and executes nodes until the run ends, parks, calls out or {@code limit} is reached. */
    public Checkpoint process(Run run, WorkflowGraph graph, EngineCommand command, Instant now, StretchLimit limit) {
        Checkpoint checkpoint = new Checkpoint(run, graph.version().publishesNodeEvents());
        StateBudget budget = new StateBudget(budgets, run.state, run.stateSize);
        Stretch stretch = new Stretch(run, graph, checkpoint, now, budget, executors, expressions, limit);
        CommandDispatch.apply(stretch, command);
        NodeLoop.runUntilBlocked(stretch);
        run.stateSize = budget.estimate();
        return checkpoint;
    }
}
