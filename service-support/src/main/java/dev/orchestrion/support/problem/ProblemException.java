package dev.orchestrion.support.problem;

import java.util.List;

import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.Duplicate;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotAllowed;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.Overloaded;
import dev.orchestrion.support.domain.PeerRefused;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.domain.Unavailable;
import dev.orchestrion.support.domain.Unprocessable;

/**
 * Thrown at the HTTP edge ({@code rest/}) to answer with a problem response; code below it throws a
 * {@link DomainException}, which {@link #from(DomainException)} turns into the one answer of its kind. carries the status, a title, a detail and, for validation,
 * the failing fields. Use the factory methods: they name the platform's kinds of problem.
 */
public class ProblemException extends RuntimeException {

    private static final String TYPE_BASE = "https://orchestrion.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Long retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, null);
    }

    private ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = TYPE_BASE + slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When the client may try again ({@code Retry-After}, whole seconds), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, List.of());
    }

    public static ProblemException validation(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException validation(String field, String message) {
        return validation(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /**
     * A value that must be unique (a unique index or constraint) is taken already: 409 naming the field, whether the
     * request creates the resource or renames (moves) it.
     */
    public static ProblemException duplicate(String field, String detail) {
        return new ProblemException(409, "duplicate", "Conflict", detail,
                List.of(new Problem.FieldError(field, "is already in use")));
    }

    /** A stale version: the resource changed since the caller read it. */
    public static ProblemException staleVersion(String detail) {
        return new ProblemException(409, "stale-version", "Version conflict", detail, List.of());
    }

    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "unprocessable", "Unprocessable request", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of());
    }

    /** The answer to a refusal of the domain: one status, type and title per kind of refusal. */
    public static ProblemException from(DomainException refusal) {
        String detail = refusal.detail();
        List<Problem.FieldError> errors = refusal.fields().stream().map(ProblemException::fieldError).toList();
        if (refusal instanceof NotFound) {
            return new ProblemException(404, "not-found", "Not found", detail, errors);
        }
        if (refusal instanceof Duplicate) {
            return new ProblemException(409, "duplicate", "Conflict", detail, errors);
        }
        if (refusal instanceof Conflict) {
            return new ProblemException(409, "conflict", "Conflict", detail, errors);
        }
        if (refusal instanceof StaleVersion) {
            return new ProblemException(409, "stale-version", "Version conflict", detail, errors);
        }
        if (refusal instanceof NotAllowed) {
            return new ProblemException(403, "forbidden", "Forbidden", detail, errors);
        }
        if (refusal instanceof Invalid) {
            return errors.isEmpty() ? badRequest(detail) : validation(detail, errors);
        }
        if (refusal instanceof Unprocessable) {
            return unprocessable(detail, errors);
        }
        if (refusal instanceof Overloaded overloaded) {
            long seconds = Math.max(1, (overloaded.retryAfter().toMillis() + 999) / 1000);
            return overloaded.platformWide()
                    ? new ProblemException(503, "overloaded", "Service unavailable", detail, errors, seconds)
                    : new ProblemException(429, "too-many-requests", "Too many requests", detail, errors, seconds);
        }
        if (refusal instanceof Unavailable) {
            return new ProblemException(503, "unavailable", "Service unavailable", detail, errors);
        }
        if (refusal instanceof PeerRefused) {
            return new ProblemException(502, "peer-refused", "Bad gateway", detail, errors);
        }
        throw new IllegalStateException("No answer for " + refusal.getClass().getName());
    }

    private static Problem.FieldError fieldError(FieldViolation violation) {
        return new Problem.FieldError(violation.field(), violation.message());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors);
    }
}
