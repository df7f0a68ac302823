package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.orchestrion.runner.model.RunState;

/**
 * Parks the run until a signal of the given name arrives ({@code received}), or until its timeout
 * ({@code timeout}). A signal that arrived before the run got here is taken at once.
 */
public class WaitForEventExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "waitForEvent";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.WAIT;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String signal = context.text("signal", null);
        for (RunState.Signal kept : context.signals()) {
            if (Objects.equals(kept.name(), signal)) {
                Map<String, Object> out = receivedData(signal, kept.data());
                return new NodeResult.Completed("received", out, new StateChange.SignalTaken(signal));
            }
        }
        String timeout = context.text("timeout", null);
        Instant timeoutAt = timeout == null ? null : context.now().plus(Duration.parse(timeout));
        return NodeResult.Waiting.signal(signal, timeoutAt);
    }

    public static NodeResult.Completed received(String signal, Object data) {
        return new NodeResult.Completed("received", receivedData(signal, data));
    }

    private static Map<String, Object> receivedData(String signal, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signal", signal);
        out.put("data", data);
        out.put("timedOut", false);
        return out;
    }

    public static NodeResult.Completed timedOut(String signal) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signal", signal);
        out.put("data", null);
        out.put("timedOut", true);
        return new NodeResult.Completed("timeout", out);
    }
}
