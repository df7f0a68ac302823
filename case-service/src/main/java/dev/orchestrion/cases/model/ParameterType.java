package dev.orchestrion.cases.model;

import java.util.Locale;
import java.util.Optional;

/** The types a parameter may declare (docs/node-types.md, "Parameters"). */
public enum ParameterType {

    STRING, NUMBER, INTEGER, BOOLEAN, DATE, OBJECT, ARRAY;

    /** The type named in a schema ({@code "string"}, {@code "date"}, ...), if it is one this service knows. */
    public static Optional<ParameterType> fromSchemaName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
