package dev.orchestrion.runner.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.node.NodeExecutor;
import dev.orchestrion.runner.engine.node.NodeExecutors;
import dev.orchestrion.runner.engine.state.Budgets;

/** Builds the engine from every {@link NodeExecutor} bean: adding a node type is adding one executor class. */
@ApplicationScoped
public class EngineConfiguration {

    @Produces
    @ApplicationScoped
    Expressions expressions() {
        return new Expressions();
    }

    @Produces
    @ApplicationScoped
    RunEngine engine(Instance<NodeExecutor> executors, Expressions expressions, RunnerConfig config) {
        Budgets budgets = new Budgets(config.budgets().maxValueSize().asLongValue(),
                config.budgets().maxStateSize().asLongValue());
        return new RunEngine(new NodeExecutors(executors), expressions, budgets);
    }
}
