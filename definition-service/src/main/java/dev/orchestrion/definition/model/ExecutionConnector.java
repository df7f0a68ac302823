package dev.orchestrion.definition.model;

/** Node {@code from}'s execution output {@code output} leads to node {@code to}. */
public record ExecutionConnector(String from, String output, String to) {
}
