package dev.orchestrion.definition.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Something that keeps a well-formed definition from running (docs/node-types.md, "Incidents"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(IncidentCode code, String nodeId, String property, String message) {

    public static Incident of(IncidentCode code, String nodeId, String property, String message) {
        return new Incident(code, nodeId, property, message);
    }
}
