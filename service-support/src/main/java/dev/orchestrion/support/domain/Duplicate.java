package dev.orchestrion.support.domain;

import java.util.List;

/**
 * A value that must be unique (a unique index or constraint) is taken already, whether the request creates the
 * resource or renames (moves) it: a conflict naming the field.
 */
public class Duplicate extends Conflict {

    public Duplicate(String field, String detail) {
        super(detail, List.of(new FieldViolation(field, "is already in use")));
    }
}
