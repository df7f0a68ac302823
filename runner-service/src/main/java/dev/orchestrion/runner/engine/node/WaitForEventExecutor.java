package dev.orchestrion.runner.engine.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orchestrion.runner.engine.state.RunState;

/**
 * Parks the run until a signal of the given name arrives ({@code received}), or until its timeout
 * ({@code timeout}). A signal that arrived before the run got here is taken at once.
 */
@ApplicationScoped
public class WaitForEventExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "waitForEvent";
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String signal = context.text("signal", null);
        Iterator<RunState.Signal> buffered = context.state().signals.iterator();
        while (buffered.hasNext()) {
            RunState.Signal candidate = buffered.next();
            if (candidate.name.equals(signal)) {
                buffered.remove();
                return received(signal, candidate.data);
            }
        }
        String timeout = context.text("timeout", null);
        Instant timeoutAt = timeout == null ? null : context.now().plus(Duration.parse(timeout));
        return NodeResult.Waiting.signal(signal, timeoutAt);
    }

    public static NodeResult.Completed received(String signal, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signal", signal);
        out.put("data", data);
        out.put("timedOut", false);
        return new NodeResult.Completed("received", out);
    }

    public static NodeResult.Completed timedOut(String signal) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signal", signal);
        out.put("data", null);
        out.put("timedOut", true);
        return new NodeResult.Completed("timeout", out);
    }
}
