package dev.orchestrion.runner.call;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;

import dev.orchestrion.runner.engine.call.CallOutcome;
import dev.orchestrion.runner.outbound.CallFailure;

/** Classifies a failed outbound call by what retry policies match: timeout, network, 5xx, 4xx, refused or error. */
public final class OutboundFailures {

    private OutboundFailures() {
    }

    public static CallOutcome.Failed toOutcome(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof ProcessingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof dev.orchestrion.support.problem.ProblemException problem) {
            return new CallOutcome.Failed(problem.getMessage(), problem.status() >= 500 ? "5xx" : "4xx",
                    "HTTP_" + problem.status());
        }
        if (cause instanceof dev.orchestrion.support.outbound.RefusedTarget refused) {
            return new CallOutcome.Failed(refused.getMessage(), "refused", "REFUSED_TARGET");
        }
        if (cause instanceof CallFailure call) {
            return new CallOutcome.Failed(call.getMessage(), call.kind(), call.code());
        }
        if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException
                || cause instanceof io.smallrye.mutiny.TimeoutException
                || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new CallOutcome.Failed("The call timed out", "timeout", "TIMEOUT");
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return new CallOutcome.Failed("The service answered " + status, status >= 500 ? "5xx" : "4xx",
                    "HTTP_" + status);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof java.io.IOException || cause instanceof VertxException) {
            return new CallOutcome.Failed("The call could not be made: " + cause.getMessage(), "network", "NETWORK");
        }
        return new CallOutcome.Failed(String.valueOf(cause.getMessage()), "error", null);
    }
}
