package dev.orchestrion.support.domain;

import java.util.List;

/**
 * What was asked is malformed. With fields, each names what is wrong with it; without, the detail says what is wrong
 * with the request as a whole.
 */
public class Invalid extends DomainException {

    public Invalid(String detail, List<FieldViolation> fields) {
        super(detail, fields);
    }

    public Invalid(String detail) {
        super(detail, List.of());
    }

    /** One field: the detail is {@code field: message}. */
    public static Invalid field(String field, String message) {
        return new Invalid(field + ": " + message, List.of(new FieldViolation(field, message)));
    }

    /** Several fields: the detail lists them as {@code field: message; ...}. */
    public static Invalid fields(List<FieldViolation> fields) {
        return new Invalid(FieldViolation.describe(fields), fields);
    }
}
