package dev.orchestrion.runner.engine.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/** Picks one branch: at random with equal chance, or by weight (A/B); the branch taken is recorded. */
public class SplitExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "split";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        JsonNode branches = context.raw("branches");
        List<String> names = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        boolean weighted = "weighted".equals(context.text("mode", "random"));
        if (branches != null) {
            for (JsonNode branch : branches) {
                names.add(branch.path("name").asText());
                weights.add(weighted ? Math.max(0, branch.path("weight").asLong(0)) : 1L);
            }
        }
        long total = weights.stream().mapToLong(Long::longValue).sum();
        if (names.isEmpty() || total == 0) {
            return NodeResult.failed("Split node " + context.node().id() + " has no branch with a weight", "error");
        }
        long pick = ThreadLocalRandom.current().nextLong(total);
        String chosen = names.get(names.size() - 1);
        for (int i = 0; i < names.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                chosen = names.get(i);
                break;
            }
        }
        return new NodeResult.Completed(chosen, Map.of("branch", chosen));
    }
}
