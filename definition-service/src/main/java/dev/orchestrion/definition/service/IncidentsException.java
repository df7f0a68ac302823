package dev.orchestrion.definition.service;

import java.util.List;

import dev.orchestrion.definition.model.Incident;

/** Starting or publishing was refused because the definition has incidents (answered 422 with all of them). */
public class IncidentsException extends RuntimeException {

    private final transient List<Incident> incidents;

    public IncidentsException(String detail, List<Incident> incidents) {
        super(detail, null, false, false);
        this.incidents = List.copyOf(incidents);
    }

    public List<Incident> incidents() {
        return incidents;
    }
}
