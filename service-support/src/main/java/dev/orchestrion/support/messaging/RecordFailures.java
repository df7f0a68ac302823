package dev.orchestrion.support.messaging;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.ws.rs.WebApplicationException;

import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.PeerRefused;
import dev.orchestrion.support.domain.Unavailable;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Tells the two reasons a consumed record can fail apart. A <em>dependency failure</em> (a database, broker or peer
 * service that is down, slow or overloaded) may succeed on a retry, so the record is retried in place. Anything else
 * is the record's own fault (it does not parse, breaks a constraint, holds text a store cannot keep, names something
 * that does not exist, or hits a bug) and will fail again however often it is retried: it is dead-lettered at once.
 * <p>
 * The default is "the record's fault": a failure nobody recognised must not hold a partition shared by every tenant.
 */
public final class RecordFailures {

    /** SQLSTATE classes of PostgreSQL errors that say the database, not the data, is the problem. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58", "XX");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "55006");

    /** Recognised by class name (or a superclass's), so that no service needs every client library on its path. */
    private static final Set<String> TRANSIENT_TYPES = Set.of("io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.HttpClosedException", "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.netty.channel.ConnectTimeoutException", "io.netty.channel.unix.Errors$NativeIoException",
            "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
            "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException",
            "org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException",
            "org.apache.kafka.common.errors.RetriableException", "org.apache.kafka.common.errors.TimeoutException",
            "com.mongodb.MongoSocketException", "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException", "com.mongodb.MongoNodeIsRecoveringException",
            "jakarta.ws.rs.ProcessingException");

    private RecordFailures() {
    }

    /** True when the failure (or one of its causes) says a dependency is unavailable, so a retry may succeed. */
    public static boolean isDependencyFailure(Throwable failure) {
        int depth = 0;
        for (Throwable e = failure; e != null && depth < 16; e = e.getCause() == e ? null : e.getCause(), depth++) {
            Boolean verdict = verdict(e);
            if (verdict != null) {
                return verdict;
            }
        }
        return false;
    }

    /** What this one throwable says, or null when it says nothing and its cause should be asked. */
    private static Boolean verdict(Throwable e) {
        if (e instanceof TransientFailure) {
            return true;
        }
        if (e instanceof DomainException) {
            return e instanceof Unavailable || e instanceof PeerRefused;
        }
        if (e instanceof ProblemException problem) {
            return problem.status() >= 500 || problem.status() == 429;
        }
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            return status >= 500 || status == 429;
        }
        if (e instanceof java.net.ConnectException || e instanceof java.net.SocketException
                || e instanceof java.net.SocketTimeoutException || e instanceof java.net.UnknownHostException
                || e instanceof java.nio.channels.ClosedChannelException
                || e instanceof java.util.concurrent.TimeoutException
                || e instanceof io.smallrye.mutiny.TimeoutException
                || e instanceof java.util.concurrent.RejectedExecutionException) {
            return true;
        }
        if (e.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable") && e.getMessage() != null) {
            // Vert.x's pools report being closed (shutdown) or exhausted only by message
            String message = e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (message.contains("closed") || message.contains("timeout")) {
                return true;
            }
        }
        String sqlState = sqlState(e);
        if (sqlState != null) {
            return sqlState.length() >= 2 && (TRANSIENT_SQL_CLASSES.contains(sqlState.substring(0, 2))
                    || TRANSIENT_SQL_STATES.contains(sqlState));
        }
        for (Class<?> type = e.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return null;
    }

    /** The SQLSTATE of a database error (Vert.x's PgException, JDBC's SQLException), or null for other failures. */
    static String sqlState(Throwable e) {
        if (e instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        if (!e.getClass().getName().startsWith("io.vertx.")) {
            return null;
        }
        try {
            Method method = e.getClass().getMethod("getSqlState");
            Object state = method.invoke(e);
            return state == null ? null : state.toString();
        } catch (ReflectiveOperationException | RuntimeException notADatabaseError) {
            return null;
        }
    }
}
