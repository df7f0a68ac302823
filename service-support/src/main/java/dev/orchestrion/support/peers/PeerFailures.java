package dev.orchestrion.support.peers;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Tells a failure of a peer service (it is down, slow, or broke: 5xx, timeout, connection or protocol error) from an
 * answer (a 4xx: the peer understood the call and said no) and from a fault on this side (our caller's input, our own
 * code). Only the peer's failures are retried and counted by a circuit breaker.
 */
public final class PeerFailures {

    private PeerFailures() {
    }

    /** Whether {@code failure} is the peer's fault. */
    public static boolean isPeerFault(Throwable failure) {
        Throwable f = unwrap(failure);
        if (f instanceof WebApplicationException web) {
            return web.getResponse() == null || web.getResponse().getStatus() >= 500;
        }
        if (f instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || f instanceof java.util.concurrent.TimeoutException) {
            return true;
        }
        for (Throwable t = f; t != null; t = t.getCause()) {
            if (t instanceof ProcessingException || t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The HTTP status of a peer's answer, or 0 when {@code failure} is not an answer. */
    public static int status(Throwable failure) {
        Throwable f = unwrap(failure);
        return f instanceof WebApplicationException web && web.getResponse() != null
                ? web.getResponse().getStatus()
                : 0;
    }

    /** Whether {@code failure} is the peer's answer that it has no such thing (404). */
    public static boolean isNotFound(Throwable failure) {
        return status(failure) == 404;
    }

    /** Whether {@code failure} is a 4xx answer of the peer. */
    public static boolean isRefusal(Throwable failure) {
        int status = status(failure);
        return status >= 400 && status < 500;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable f = failure;
        while (f instanceof CompletionException && f.getCause() != null) {
            f = f.getCause();
        }
        return f;
    }
}
