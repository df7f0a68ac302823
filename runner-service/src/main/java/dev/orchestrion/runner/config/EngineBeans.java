package dev.orchestrion.runner.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.node.NodeExecutors;
import dev.orchestrion.runner.engine.state.Budgets;

/**
 * CDI wiring of the engine, which is plain Java: the executors of every node type ({@link NodeExecutors#standard()},
 * where a new node type is added) and the configured budgets.
 */
@ApplicationScoped
public class EngineBeans {

    @Produces
    @ApplicationScoped
    Expressions expressions() {
        return new Expressions();
    }

    @Produces
    @ApplicationScoped
    RunEngine engine(Expressions expressions, RunnerConfig config) {
        Budgets budgets = new Budgets(config.budgets().maxValueSize().asLongValue(),
                config.budgets().maxStateSize().asLongValue());
        return new RunEngine(NodeExecutors.standard(), expressions, budgets);
    }
}
