package dev.orchestrion.definition.graph.validation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.Incident;

/**
 * Decides whether a well-formed definition may run: collects every incident of docs/node-types.md ("Incidents") at
 * once, in a fixed order: start nodes, node properties (formats, then each node type's rules), execution connectors,
 * reachability, cycles, data connectors, the trigger, the definition's settings. Pure logic: connections and other
 * definitions are looked up through the functions given to {@link #validate}.
 */
public final class GraphValidator {

    private final ExpressionCompiler expressions;

    public GraphValidator(ExpressionCompiler expressions) {
        this.expressions = expressions;
    }

    /**
     * Every incident of {@code content}.
     *
     * @param connectionKinds the kind ({@code http}, {@code smtp}) of the tenant's connection of a name, or empty
     */
    public List<Incident> validate(DefinitionContent content, Function<String, Optional<String>> connectionKinds) {
        return validate(content, connectionKinds, definitionId -> true);
    }

    /**
     * Every incident of {@code content}.
     *
     * @param connectionKinds the kind ({@code http}, {@code smtp}) of the tenant's connection of a name, or empty
     * @param definitionExists whether the tenant has a (not deleted) definition of an id, for subWorkflow nodes
     */
    public List<Incident> validate(DefinitionContent content, Function<String, Optional<String>> connectionKinds,
            Predicate<String> definitionExists) {
        DefinitionContent normalized = content.normalized();
        DefinitionGraph graph = new DefinitionGraph(normalized);
        References references = new References(connectionKinds, definitionExists);
        Incidents incidents = new Incidents();
        GraphRules.checkStartNodes(graph, incidents);
        new PropertyRules(new PropertyFormats(expressions, references, incidents), references, incidents).check(graph);
        GraphRules.checkExecutionConnectors(graph, incidents);
        GraphRules.checkReachability(graph, incidents);
        GraphRules.checkCycles(graph, incidents);
        DataConnectorRules.check(graph, incidents);
        new TriggerRules(expressions, incidents).check(normalized.trigger());
        DefinitionSettingsRules.check(normalized, incidents);
        return incidents.list();
    }
}
