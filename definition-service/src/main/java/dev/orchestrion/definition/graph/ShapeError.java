package dev.orchestrion.definition.graph;

/** Something that makes a definition malformed: a field (dotted path) and what is wrong with it. */
public record ShapeError(String field, String message) {
}
