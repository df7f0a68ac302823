package dev.orchestrion.runner.call;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;

/** Patches the run's case in case-service (updateCase); the output is the case as it is afterwards. */
@ApplicationScoped
public class CasePatchPerformer implements CallPerformer<CallRequest.CasePatch> {

    private final CaseDirectory cases;

    public CasePatchPerformer(CaseDirectory cases) {
        this.cases = cases;
    }

    @Override
    public Class<CallRequest.CasePatch> handles() {
        return CallRequest.CasePatch.class;
    }

    @Override
    public Uni<CallOutcome> perform(CallRequest.CasePatch request, CallContext context) {
        return cases.patch(context.tenant(), context.caseId(), request.patch()).map(updated -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("case", updated);
            return new CallOutcome.Completed("next", data);
        });
    }
}
