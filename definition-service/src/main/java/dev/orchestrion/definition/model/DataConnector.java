package dev.orchestrion.definition.model;

/** The value at {@code path} (JSON Pointer) in node {@code from}'s output data becomes {@code to}'s {@code property}. */
public record DataConnector(String from, String path, String to, String property) {
}
