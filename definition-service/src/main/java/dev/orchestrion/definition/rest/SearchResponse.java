package dev.orchestrion.definition.rest;

import java.util.List;

/** A page of definitions and the total number that match. */
public record SearchResponse(List<DefinitionSummary> items, long total, int page, int size) {
}
