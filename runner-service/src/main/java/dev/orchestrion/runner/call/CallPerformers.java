package dev.orchestrion.runner.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;

/** The performer of each kind of call; every kind of {@link CallRequest} has one (checked when the bean is made). */
@ApplicationScoped
public class CallPerformers {

    private final Map<Class<?>, CallPerformer<?>> byRequest = new HashMap<>();

    @Inject
    public CallPerformers(HttpPerformer http, EmailPerformer email, CasePatchPerformer casePatch,
            ContentTransitionPerformer contentTransition, ChildRunPerformer childRun) {
        this(List.of(http, email, casePatch, contentTransition, childRun));
    }

    CallPerformers(List<CallPerformer<?>> performers) {
        for (CallPerformer<?> performer : performers) {
            if (byRequest.put(performer.handles(), performer) != null) {
                throw new IllegalStateException("Two performers for " + performer.handles().getSimpleName());
            }
        }
        for (Class<?> kind : CallRequest.class.getPermittedSubclasses()) {
            if (!byRequest.containsKey(kind)) {
                throw new IllegalStateException("No performer for " + kind.getSimpleName());
            }
        }
    }

    /** Makes the call; a performer that throws is a failed call. */
    @SuppressWarnings("unchecked")
    public <R extends CallRequest> Uni<CallOutcome> perform(R request, CallContext context) {
        CallPerformer<R> performer = (CallPerformer<R>) byRequest.get(request.getClass());
        try {
            return performer.perform(request, context);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
