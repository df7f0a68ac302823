package dev.orchestrion.runner.engine.node;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;

/** Classifies a failed outbound call by what retry policies match: timeout, network, 5xx, 4xx or error. */
public final class OutboundFailures {

    private OutboundFailures() {
    }

    public static NodeResult.Failed toResult(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof ProcessingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof dev.orchestrion.support.problem.ProblemException problem) {
            return new NodeResult.Failed(problem.getMessage(), problem.status() >= 500 ? "5xx" : "4xx",
                    "HTTP_" + problem.status());
        }
        if (cause instanceof dev.orchestrion.support.outbound.RefusedTarget refused) {
            return new NodeResult.Failed(refused.getMessage(), "refused", "REFUSED_TARGET");
        }
        if (cause instanceof NodeCallException call) {
            return new NodeResult.Failed(call.getMessage(), call.kind(), call.code());
        }
        if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException
                || cause instanceof io.smallrye.mutiny.TimeoutException
                || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return new NodeResult.Failed("The call timed out", "timeout", "TIMEOUT");
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return new NodeResult.Failed("The service answered " + status, status >= 500 ? "5xx" : "4xx",
                    "HTTP_" + status);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof java.io.IOException || cause instanceof VertxException) {
            return new NodeResult.Failed("The call could not be made: " + cause.getMessage(), "network", "NETWORK");
        }
        return new NodeResult.Failed(String.valueOf(cause.getMessage()), "error", null);
    }

    /** A failure an executor raises with its own kind (e.g. an HTTP status outside the expected ones). */
    public static final class NodeCallException extends RuntimeException {

        private final String kind;
        private final String code;

        public NodeCallException(String message, String kind, String code) {
            super(message, null, false, false);
            this.kind = kind;
            this.code = code;
        }

        public String kind() {
            return kind;
        }

        public String code() {
            return code;
        }
    }
}
