package dev.orchestrion.support.domain;

import java.util.List;

/**
 * What was asked is well-formed but cannot be done as it stands (a condition does not hold, values break a schema
 * that is not the request's own shape, a key was used for another request).
 */
public class Unprocessable extends DomainException {

    public Unprocessable(String detail, List<FieldViolation> fields) {
        super(detail, fields);
    }

    public Unprocessable(String detail) {
        super(detail, List.of());
    }
}
