package dev.orchestrion.runner.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.orchestrion.runner.engine.RunEngine;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.node.NodeExecutor;
import dev.orchestrion.runner.engine.node.NodeExecutors;

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
    RunEngine engine(Instance<NodeExecutor> executors, Expressions expressions) {
        return new RunEngine(new NodeExecutors(executors), expressions);
    }
}
