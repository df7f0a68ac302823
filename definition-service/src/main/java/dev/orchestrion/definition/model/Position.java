package dev.orchestrion.definition.model;

/** Where a node sits on the canvas. */
public record Position(double x, double y) {
}
