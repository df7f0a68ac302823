package dev.orchestrion.runner.engine.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orchestrion.runner.engine.state.RunState;

/**
 * Runs its {@code item} branch once per element (or chunk) of a list, then takes {@code finished}, also for an
 * empty list. Entered afresh it opens a frame; entered again when an item branch ends it gathers the item's
 * {@code collect} value and moves to the next element.
 */
@ApplicationScoped
public class ForEachExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "forEach";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String nodeId = context.node().id();
        List<RunState.Frame> frames = context.state().frames;
        int open = indexOfFrame(frames, nodeId);
        if (open < 0) {
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
            frames.add(new RunState.Frame(nodeId, elements));
            context.stateChanged();
            return new NodeResult.Completed("item", result(elements.size(), List.of()));
        }
        while (frames.size() > open + 1) {
            frames.remove(frames.size() - 1);
        }
        RunState.Frame frame = frames.get(open);
        if (context.raw("collect") != null) {
            Object collected = context.evaluate(context.raw("collect").asText());
            context.budget().stored("The collected value of forEach " + nodeId, collected);
            frame.results.add(collected);
        }
        frame.index++;
        context.stateChanged();
        if (frame.index < frame.items.size()) {
            return new NodeResult.Completed("item", result(frame.items.size(), List.of()));
        }
        frames.remove(open);
        context.stateChanged();
        return new NodeResult.Completed("finished", result(frame.items.size(), frame.results));
    }

    private static Map<String, Object> result(int count, List<Object> results) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", count);
        data.put("results", results);
        return data;
    }

    private static int indexOfFrame(List<RunState.Frame> frames, String nodeId) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).nodeId.equals(nodeId)) {
                return i;
            }
        }
        return -1;
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
