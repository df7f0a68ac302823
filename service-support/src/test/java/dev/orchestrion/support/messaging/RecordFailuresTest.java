package dev.orchestrion.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.PeerRefused;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.domain.Unavailable;
import dev.orchestrion.support.problem.ProblemException;

class RecordFailuresTest {

    @Test
    void outagesOfADependencyAreRetried() {
        assertThat(RecordFailures.isDependencyFailure(new ConnectException("refused"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new CompletionException(new ConnectException("refused"))))
                .isTrue();
        assertThat(RecordFailures.isDependencyFailure(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(RecordFailures.isDependencyFailure(ProblemException.unavailable("peer down"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new WebApplicationException(502))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new WebApplicationException(429))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new TransientFailure("lost a race"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("gone", "08006"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("serialization", "40001"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new io.vertx.core.impl.NoStackTraceThrowable("Pool closed")))
                .isTrue();
    }

    @Test
    void failuresOfTheRecordItselfAreNot() {
        assertThat(RecordFailures.isDependencyFailure(new IllegalArgumentException("not a UUID"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new NullPointerException())).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new JsonParseException(null, "bad json"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(ProblemException.notFound("Definition", "x"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new WebApplicationException(404))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("invalid byte sequence 0x00", "22021")))
                .isFalse();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("value too long", "22001"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new SQLException("duplicate key", "23505"))).isFalse();
        // the record's own fault wrapped around nothing transient
        assertThat(RecordFailures.isDependencyFailure(new CompletionException(new IllegalStateException("bug"))))
                .isFalse();
    }

    @Test
    void aRefusalOfTheDomainIsTheRecordsFaultUnlessADependencyIsDown() {
        assertThat(RecordFailures.isDependencyFailure(new Unavailable("definition-service is down"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new PeerRefused("definition-service refused"))).isTrue();
        assertThat(RecordFailures.isDependencyFailure(new NotFound("Case", "c"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new Conflict("erased"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(new StaleVersion("changed meanwhile"))).isFalse();
        assertThat(RecordFailures.isDependencyFailure(Invalid.field("email", "is malformed"))).isFalse();
        // a refusal wrapped around a dependency failure still decides: the nearest cause that says something
        assertThat(RecordFailures.isDependencyFailure(new RuntimeException("call failed", new NotFound("Case", "c"))))
                .isFalse();
    }

    @Test
    void theNearestCauseThatSaysSomethingDecides() {
        // a peer's 404 wrapped in an I/O-looking wrapper is still the record's fault
        assertThat(RecordFailures
                .isDependencyFailure(new RuntimeException("call failed", ProblemException.notFound("Case", "c"))))
                .isFalse();
        assertThat(RecordFailures.isDependencyFailure(new RuntimeException("call failed", new ConnectException())))
                .isTrue();
    }
}
