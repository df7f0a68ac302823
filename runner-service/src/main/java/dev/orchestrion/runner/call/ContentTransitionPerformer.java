package dev.orchestrion.runner.call;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.client.ContentEntries;
import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;

/** Invokes a workflow event on a content entry (contentTransition); the output is the entry's new state. */
@ApplicationScoped
public class ContentTransitionPerformer implements CallPerformer<CallRequest.ContentTransition> {

    private final ContentEntries entries;

    public ContentTransitionPerformer(ContentEntries entries) {
        this.entries = entries;
    }

    @Override
    public Class<CallRequest.ContentTransition> handles() {
        return CallRequest.ContentTransition.class;
    }

    @Override
    public Uni<CallOutcome> perform(CallRequest.ContentTransition request, CallContext context) {
        return entries
                .invoke(context.tenant(), request.contentType(), request.entryId(), request.event(), request.message())
                .map(entry -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("entryId", request.entryId());
                    Object internal = entry == null ? null : entry.get("internal");
                    data.put("state", internal instanceof Map<?, ?> map ? map.get("workflowState") : null);
                    return new CallOutcome.Completed("next", data);
                });
    }
}
