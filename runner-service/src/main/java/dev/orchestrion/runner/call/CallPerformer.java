package dev.orchestrion.runner.call;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.engine.call.CallContext;
import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.engine.call.CallRequest;

/**
 * Makes one kind of call the engine described. A failure may come as a failed Uni (classified by
 * {@link OutboundFailures}); the caller bounds the whole attempt by its timeout.
 */
public interface CallPerformer<R extends CallRequest> {

    /** The kind of request this performer makes. */
    Class<R> handles();

    Uni<CallOutcome> perform(R request, CallContext context);
}
