package dev.orchestrion.support.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import dev.orchestrion.support.problem.ProblemException;

class PeerFailuresTest {

    @Test
    void fiveHundredsTimeoutsAndConnectionErrorsAreThePeersFault() {
        assertThat(PeerFailures.isPeerFault(new WebApplicationException(500))).isTrue();
        assertThat(PeerFailures.isPeerFault(new WebApplicationException(503))).isTrue();
        assertThat(PeerFailures.isPeerFault(new TimeoutException("slow"))).isTrue();
        assertThat(PeerFailures.isPeerFault(new ProcessingException(new ConnectException("refused")))).isTrue();
        assertThat(PeerFailures.isPeerFault(new CompletionException(new WebApplicationException(502)))).isTrue();
    }

    @Test
    void answersAndFaultsOnThisSideAreNot() {
        assertThat(PeerFailures.isPeerFault(new WebApplicationException(400))).isFalse();
        assertThat(PeerFailures.isPeerFault(new WebApplicationException(404))).isFalse();
        assertThat(PeerFailures.isPeerFault(new WebApplicationException(422))).isFalse();
        assertThat(PeerFailures.isPeerFault(ProblemException.badRequest("bad input"))).isFalse();
        assertThat(PeerFailures.isPeerFault(new IllegalArgumentException("cannot encode the path"))).isFalse();
        assertThat(PeerFailures.isPeerFault(new CircuitBreakerOpenException("open"))).as("not retried").isFalse();
    }

    @Test
    void readsTheStatusOfAnAnswer() {
        assertThat(PeerFailures.status(new WebApplicationException(422))).isEqualTo(422);
        assertThat(PeerFailures.isNotFound(new WebApplicationException(404))).isTrue();
        assertThat(PeerFailures.isRefusal(new WebApplicationException(409))).isTrue();
        assertThat(PeerFailures.isRefusal(new WebApplicationException(500))).isFalse();
        assertThat(PeerFailures.status(new IllegalStateException())).isZero();
    }
}
