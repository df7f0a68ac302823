package dev.orchestrion.runner.engine.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The executor of each node type: the registry the engine finds them in. */
public final class NodeExecutors {

    private final Map<String, NodeExecutor> byType = new HashMap<>();
    private final Map<String, NodeKind> kinds = new HashMap<>();

    public NodeExecutors(Iterable<? extends NodeExecutor> executors) {
        for (NodeExecutor executor : executors) {
            if (byType.put(executor.type(), executor) != null) {
                throw new IllegalStateException("Two executors for node type " + executor.type());
            }
            kinds.put(executor.type(), executor.kind());
        }
    }

    /** Every node type of docs/node-types.md. */
    public static NodeExecutors standard() {
        return new NodeExecutors(standardExecutors());
    }

    /** A fresh executor for every node type of docs/node-types.md (executors hold no state). */
    public static List<NodeExecutor> standardExecutors() {
        return List.of(new StartExecutor(), new SetExecutor(), new IfExecutor(), new ChooseExecutor(),
                new SplitExecutor(), new ForEachExecutor(), new EndExecutor(), new FailExecutor(), new HttpExecutor(),
                new SendEmailExecutor(), new UpdateCaseExecutor(), new ContentTransitionExecutor(),
                new SubWorkflowExecutor(), new DelayExecutor(), new WaitForEventExecutor());
    }

    public NodeExecutor forType(String type) {
        NodeExecutor executor = byType.get(type);
        if (executor == null) {
            throw new IllegalArgumentException("No executor for node type " + type);
        }
        return executor;
    }

    /** What a node of {@code type} may do (a map lookup: cheap enough to ask before every node). */
    public NodeKind kindOf(String type) {
        NodeKind kind = kinds.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("No executor for node type " + type);
        }
        return kind;
    }
}
