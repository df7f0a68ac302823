package dev.orchestrion.support.domain;

import java.util.List;

/** The request is valid but the current state does not allow it (a state machine says no, a name is taken, ...). */
public class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail, List.of());
    }

    protected Conflict(String detail, List<FieldViolation> fields) {
        super(detail, fields);
    }
}
