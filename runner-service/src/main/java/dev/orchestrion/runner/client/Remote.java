package dev.orchestrion.runner.client;

import java.util.List;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import dev.orchestrion.support.peers.PeerFailures;
import dev.orchestrion.support.problem.ProblemException;

/**
 * How the runner reads a peer's failures: 404 means absent; another 4xx is the peer's answer that it will not do
 * this (422, or 502 when it refused the runner's own credentials); being down or slow means 503 for our client.
 */
final class Remote {

    private Remote() {
    }

    static boolean notFound(Throwable failure) {
        return PeerFailures.isNotFound(failure);
    }

    /** What our caller hears when a call to a peer did not give the answer needed. */
    static RuntimeException unavailable(String service, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (PeerFailures.isRefusal(failure)) {
            return refused(service, PeerFailures.status(failure));
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

    /** A 4xx answer: retrying will not change it, so it is no 503. */
    private static ProblemException refused(String service, int status) {
        if (status == 401 || status == 403) {
            return new ProblemException(502, "peer-refused", "Bad gateway",
                    service + " refused the runner's service credentials (" + status + ")", List.of());
        }
        return ProblemException.unprocessable(service + " refused the request (it answered " + status
                + "): what the request names is not acceptable there", List.of());
    }
}
