package dev.orchestrion.runner.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import dev.orchestrion.support.problem.ProblemException;

/** How the runner reads a peer's failures: 404 means absent; being down or slow means 503 for our client. */
final class Remote {

    private Remote() {
    }

    static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    /** A failure of a peer that is not our caller's fault: the caller hears 503, never a 500. */
    static RuntimeException unavailable(String service, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        String reason;
        if (failure instanceof WebApplicationException web) {
            reason = "it answered " + web.getResponse().getStatus();
        } else if (failure instanceof ProcessingException || failure instanceof java.net.ConnectException) {
            reason = "it cannot be reached";
        } else if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            reason = "it did not answer in time";
        } else if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            reason = "it failed repeatedly and calls are paused";
        } else {
            reason = String.valueOf(failure.getMessage());
        }
        return ProblemException.unavailable(service + " is unavailable (" + reason + "); try again shortly");
    }
}
