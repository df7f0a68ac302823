package dev.orchestrion.runner.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * Starts a subWorkflow node's child run, idempotently per node execution (the call's idempotency key), so a retried
 * start never makes a second child. A node that waits then waits for the child; one that does not goes on.
 */
@ApplicationScoped
public class ChildRunPerformer implements CallPerformer<CallRequest.ChildRun> {

    private final ChildRuns children;

    public ChildRunPerformer(ChildRuns children) {
        this.children = children;
    }

    @Override
    public Class<CallRequest.ChildRun> handles() {
        return CallRequest.ChildRun.class;
    }

    @Override
    public Uni<CallOutcome> perform(CallRequest.ChildRun request, CallContext context) {
        return children.startChild(context.tenant(), request.definitionId(), UUID.fromString(context.caseId()),
                context.environment(), request.parameters(), request.secrets(), UUID.fromString(context.runId()),
                context.nodeId(), context.idempotencyKey()).map(childId -> {
                    if (request.waitForEnd()) {
                        return new CallOutcome.ChildStarted(childId.toString());
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("runId", childId.toString());
                    data.put("status", "PENDING");
                    data.put("result", null);
                    return new CallOutcome.Completed("next", data);
                });
    }
}
