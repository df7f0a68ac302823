package dev.orchestrion.runner;

/** Small workflow definitions (docs/node-types.md) for trigger tests. */
public final class Definitions {

    private Definitions() {
    }

    /**
     * start -> end, whose result shows what the run saw as {@code trigger}; with the given trigger (JSON) and
     * exclusive group (null for none).
     */
    public static String echoingTrigger(String name, String triggerJson, String exclusiveGroup) {
        return """
                {"name": "%s", "exclusiveGroup": %s, "parameters": [], "trigger": %s,
                 "nodes": [
                   {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
                   {"id": "end", "type": "end", "name": "End", "position": {"x": 200, "y": 0},
                    "properties": {"result": {"kind": "trigger.kind", "trigger": "trigger"}}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "end"}],
                 "dataConnectors": []}""".formatted(name,
                exclusiveGroup == null ? "null" : "\"" + exclusiveGroup + "\"", triggerJson);
    }

    /** start -> waitForEvent(signal "go") -> end, with the given trigger. */
    public static String waitingForGo(String name, String triggerJson) {
        return """
                {"name": "%s", "parameters": [], "trigger": %s,
                 "nodes": [
                   {"id": "start", "type": "start", "name": "Start", "position": {"x": 0, "y": 0}, "properties": {}},
                   {"id": "wait", "type": "waitForEvent", "name": "Wait", "position": {"x": 200, "y": 0},
                    "properties": {"signal": "go"}},
                   {"id": "end", "type": "end", "name": "End", "position": {"x": 400, "y": 0},
                    "properties": {"result": {"tick": "trigger.tick"}}}],
                 "executionConnectors": [{"from": "start", "output": "next", "to": "wait"},
                   {"from": "wait", "output": "received", "to": "end"}],
                 "dataConnectors": []}""".formatted(name, triggerJson);
    }
}
