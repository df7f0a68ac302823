package dev.orchestrion.runner.engine.node;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.engine.expression.CelValues;
import dev.orchestrion.runner.engine.expression.Expressions;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.model.RunState;

/**
 * Everything a node executor may read: its node's properties (a data connector's value replaces the property it
 * feeds), the expression context built from the run state, and facts about the run. Executors record what they
 * used as the step's inputs. The run state is read-only here: what a node changes in it goes back in its result
 * ({@link StateChange}).
 */
public final class NodeContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunInfo run;
    private final WorkflowGraph graph;
    private final WorkflowVersion.Node node;
    private final RunState state;
    private final Expressions expressions;
    private final Instant now;
    private final int attempt;
    private final StateBudget budget;
    private final Map<String, Object> fed = new HashMap<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    /** Variables this node assigned so far: its later expressions see them, the state gets them with the result. */
    private Map<String, Object> assigned;
    /** The open loop whose item and index expressions see, by position; -1 for the innermost. */
    private int loop = -1;
    private Map<String, Object> activation;

    public NodeContext(RunInfo run, WorkflowGraph graph, WorkflowVersion.Node node, RunState state,
            Expressions expressions, Instant now, int attempt, StateBudget budget) {
        this.run = run;
        this.graph = graph;
        this.node = node;
        this.state = state;
        this.expressions = expressions;
        this.now = now;
        this.attempt = attempt;
        this.budget = budget;
        for (WorkflowVersion.DataConnector connector : graph.dataConnectorsInto(node.id())) {
            fed.put(connector.property(), DataPaths.read(state.nodes().get(connector.from()), connector.path()));
        }
    }

    /** Facts about the run a node belongs to. */
    public record RunInfo(String runId, String tenant, String definitionId, int version, String caseId,
            String environment, Instant startedAt) {
    }

    public RunInfo run() {
        return run;
    }

    public WorkflowGraph graph() {
        return graph;
    }

    public WorkflowVersion.Node node() {
        return node;
    }

    /** The run's parameters. */
    public Map<String, Object> params() {
        return state.params();
    }

    /** Secrets a parent run passed to this run, or null. */
    public List<Object> inheritedSecrets() {
        return state.inheritedSecrets();
    }

    /** Signals kept for a waitForEvent, oldest first. */
    public List<RunState.Signal> signals() {
        return state.signals();
    }

    /** The open forEach {@code nodeId}, or null. */
    public RunState.Frame frame(String nodeId) {
        return state.frame(nodeId);
    }

    public Expressions expressions() {
        return expressions;
    }

    public Instant now() {
        return now;
    }

    public int attempt() {
        return attempt;
    }

    /** What the run may still hold: an executor passes every value it stores in the state through it. */
    public StateBudget budget() {
        return budget;
    }

    /** The raw property as written in the definition (null when absent). */
    public JsonNode raw(String property) {
        JsonNode properties = node.properties();
        JsonNode value = properties == null ? null : properties.get(property);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String property) {
        return fed.containsKey(property) || raw(property) != null;
    }

    /** An expression property's value: the fed value, or the expression evaluated. */
    public Object expression(String property) {
        if (fed.containsKey(property)) {
            return record(property, fed.get(property));
        }
        JsonNode raw = raw(property);
        if (raw == null) {
            return null;
        }
        if (!raw.isTextual()) {
            return record(property, literal(raw));
        }
        return record(property, evaluate(raw.asText()));
    }

    /** A condition property: the fed value or the expression, which must be a boolean. */
    public boolean condition(String property) {
        Object value = expression(property);
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new dev.orchestrion.runner.engine.expression.ExpressionException(
                "Property " + property + " of node " + node.id() + " must be true or false, was " + value);
    }

    /** A template property rendered as text: the fed value as text, or the template rendered. */
    public String template(String property) {
        if (fed.containsKey(property)) {
            Object value = fed.get(property);
            return (String) record(property, value == null ? null : String.valueOf(value));
        }
        JsonNode raw = raw(property);
        if (raw == null) {
            return null;
        }
        return (String) record(property, render(raw.isTextual() ? raw.asText() : raw.toString()));
    }

    /** A plain property (number, boolean, text, list, object) as a Java value; the fed value if fed. */
    public Object literal(String property) {
        if (fed.containsKey(property)) {
            return record(property, fed.get(property));
        }
        JsonNode raw = raw(property);
        return raw == null ? null : record(property, literal(raw));
    }

    public String text(String property, String fallback) {
        Object value = literal(property);
        return value == null ? fallback : String.valueOf(value);
    }

    /** Evaluates an expression against the run's context. */
    public Object evaluate(String expression) {
        return expressions.evaluate(expression, activation());
    }

    public boolean evaluateCondition(String expression) {
        return expressions.condition(expression, activation());
    }

    public String render(String template) {
        return expressions.render(template, activation());
    }

    /** Records a value as one of the step's inputs (for the run's timeline). */
    public Object record(String name, Object value) {
        inputs.put(name, value);
        return value;
    }

    public Map<String, Object> inputs() {
        return inputs;
    }

    /**
     * Assigns a variable for the rest of this node's expressions ({@code vars.<name>}); the run state gets it when
     * the node completes (a set node returns {@link StateChange.VarsAssigned}).
     */
    public void assign(String name, Object value) {
        if (assigned == null) {
            assigned = new LinkedHashMap<>();
        }
        assigned.put(name, value);
        activation = null;
    }

    /** From now on {@code item} and {@code index} are those of forEach {@code nodeId} (loops inside it are over). */
    public void focusLoop(String nodeId) {
        loop = state.indexOfFrame(nodeId);
        activation = null;
    }

    Map<String, Object> activation() {
        if (activation == null) {
            Map<String, Object> a = new HashMap<>();
            Map<String, Object> caseData = state.caseData();
            a.put("params", CelValues.toCel(state.params()));
            a.put("case", CelValues.toCel(caseData == null ? Map.of() : caseData));
            a.put("trigger", CelValues.toCel(state.trigger()));
            a.put("vars", CelValues.toCel(vars()));
            a.put("nodes", CelValues.toCel(state.nodes()));
            a.put("run", CelValues.toCel(Map.of("id", run.runId(), "definitionId", run.definitionId(), "version",
                    run.version(), "startedAt", String.valueOf(run.startedAt()))));
            a.put("now", CelValues.timestamp(now));
            List<RunState.Frame> frames = state.frames();
            if (!frames.isEmpty()) {
                RunState.Frame top = frames.get(loop < 0 ? frames.size() - 1 : loop);
                a.put("item", CelValues.toCel(top.item()));
                a.put("index", (long) top.index());
            } else {
                a.put("item", CelValues.toCel(null));
                a.put("index", -1L);
            }
            activation = a;
        }
        return activation;
    }

    private Map<String, Object> vars() {
        if (assigned == null) {
            return state.vars();
        }
        Map<String, Object> vars = new LinkedHashMap<>(state.vars());
        vars.putAll(assigned);
        return vars;
    }

    static Object literal(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }
}
