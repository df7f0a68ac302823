package dev.orchestrion.support.domain;

import java.util.List;

/**
 * A rule of the domain refused what was asked. Services, state machines and repositories throw one of the few
 * subtypes, each naming a kind of refusal; service-support maps each kind to one problem+json answer at the HTTP edge
 * ({@code ProblemExceptionMappers}), so that no code below {@code rest/} picks an HTTP status.
 */
public abstract class DomainException extends RuntimeException {

    private final List<FieldViolation> fields;

    /** Package-private: the kinds are these few, so that each has one answer; a service may subclass a kind. */
    DomainException(String detail, List<FieldViolation> fields) {
        // No stack trace: a refusal is an answer, not a fault, and some are thrown per request.
        super(detail, null, false, false);
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** What was refused this time, for a human. */
    public String detail() {
        return getMessage();
    }

    /** The fields the refusal is about, each with what is wrong with it; empty when it is about no field. */
    public List<FieldViolation> fields() {
        return fields;
    }
}
