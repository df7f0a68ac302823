package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * Starts a child run of another active definition for the same case, with parameters from expressions. With
 * {@code wait} (the default) the run parks until the child ends and takes its result as output; otherwise it goes
 * on at once. Starting is idempotent per node execution, so a retried start never makes a second child; the child
 * is started outside the engine (runner's {@code call.ChildRunPerformer}).
 */
public class SubWorkflowExecutor implements NodeExecutor {

    /** What the child must mask: this run's secrets, and the parameters it passes that derive from them. */
    private static List<Object> secretsFor(NodeContext context, Map<String, Object> parameters) {
        List<Object> secrets = new ArrayList<>();
        Map<String, Object> params = context.params();
        context.graph().redactedParameters().forEach(name -> {
            if (params.get(name) != null) {
                secrets.add(params.get(name));
            }
        });
        if (context.inheritedSecrets() != null) {
            secrets.addAll(context.inheritedSecrets());
        }
        if (secrets.isEmpty()) {
            return secrets; // nothing here is secret, so nothing passed can derive from a secret
        }
        Set<List<String>> derived = context.graph().redactionPlan().maskedInputs(context.node().id());
        parameters.forEach((name, value) -> {
            if (value != null && derived.contains(List.of("parameters", name))) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    @Override
    public String type() {
        return "subWorkflow";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CALL;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String definitionId = context.text("definitionId", null);
        JsonNode expressions = context.raw("parameters");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (expressions != null && expressions.isObject()) {
            expressions.fields()
                    .forEachRemaining(f -> parameters.put(f.getKey(),
                            f.getValue().isTextual()
                                    ? context.evaluate(f.getValue().asText())
                                    : NodeContext.literal(f.getValue())));
        }
        boolean wait = !Boolean.FALSE.equals(context.literal("wait"));
        context.record("parameters", parameters);
        List<Object> secrets = secretsFor(context, parameters);
        return new NodeResult.Call(Duration.ofSeconds(30),
                new CallRequest.ChildRun(definitionId, parameters, secrets, wait));
    }
}
