package dev.orchestrion.definition.rest;

import java.util.List;

import dev.orchestrion.definition.model.Incident;

/** The incidents of a definition's draft (or pending revision). */
public record IncidentsResponse(String definitionId, long revision, List<Incident> incidents) {
}
