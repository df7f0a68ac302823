package dev.orchestrion.runner.engine.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.orchestrion.runner.model.RunState;

/**
 * Runs its {@code item} branch once per element (or chunk) of a list, then takes {@code finished}, also for an
 * empty list. Entered afresh it opens a loop; entered again when an item branch ends it gathers the item's
 * {@code collect} value and moves to the next element. The loop itself is run state: this executor only says how
 * it changes ({@link StateChange.LoopOpened}, {@link StateChange.LoopAdvanced}).
 */
public class ForEachExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "forEach";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PURE;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String nodeId = context.node().id();
        RunState.Frame frame = context.frame(nodeId);
        if (frame == null) {
            Object items = context.expression("items");
            if (!(items instanceof List<?> list)) {
                return NodeResult.failed("The items of forEach " + nodeId + " must be a list, was "
                        + (items == null ? "null" : items.getClass().getSimpleName()), "expression");
            }
            List<Object> elements = chunk(new ArrayList<>(list), context.literal("chunkSize"));
            if (elements.isEmpty()) {
                return new NodeResult.Completed("finished", result(0, List.of()));
            }
            context.budget().stored("The items of forEach " + nodeId, elements);
            return new NodeResult.Completed("item", result(elements.size(), List.of()),
                    new StateChange.LoopOpened(nodeId, elements));
        }
        // loops opened inside this one's item branch are over: item and index are this loop's again
        context.focusLoop(nodeId);
        boolean collects = context.raw("collect") != null;
        Object collected = null;
        if (collects) {
            collected = context.evaluate(context.raw("collect").asText());
            context.budget().stored("The collected value of forEach " + nodeId, collected);
        }
        StateChange advanced = new StateChange.LoopAdvanced(nodeId, collects, collected);
        int count = frame.items().size();
        if (frame.index() + 1 < count) {
            return new NodeResult.Completed("item", result(count, List.of()), advanced);
        }
        List<Object> results = new ArrayList<>(frame.results());
        if (collects) {
            results.add(collected);
        }
        return new NodeResult.Completed("finished", result(count, results), advanced);
    }

    private static Map<String, Object> result(int count, List<Object> results) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", count);
        data.put("results", results);
        return data;
    }

    private static List<Object> chunk(List<Object> items, Object chunkSize) {
        if (!(chunkSize instanceof Number size) || size.intValue() < 1) {
            return items;
        }
        List<Object> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size.intValue()) {
            chunks.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size.intValue()))));
        }
        return chunks;
    }
}
