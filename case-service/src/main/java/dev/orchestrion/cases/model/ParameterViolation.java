package dev.orchestrion.cases.model;

/** One rule a parameter value breaks: the field ({@code parameters.<name>}) and what is wrong, never the value. */
public record ParameterViolation(String field, String message) {
}
