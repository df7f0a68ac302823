package dev.orchestrion.definition.graph.validation;

import java.util.ArrayList;
import java.util.List;

import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.IncidentCode;

/** What one validation has found so far: every incident, in the order the checks find them. */
final class Incidents {

    private final List<Incident> found = new ArrayList<>();

    void add(IncidentCode code, String nodeId, String property, String message) {
        found.add(Incident.of(code, nodeId, property, message));
    }

    /** An INVALID_PROPERTY whose message names the node (if any) and the property. */
    void invalidProperty(String nodeId, String property, String message) {
        add(IncidentCode.INVALID_PROPERTY, nodeId, property,
                (nodeId == null ? "" : "Node " + nodeId + ": ") + property + " " + message);
    }

    int count() {
        return found.size();
    }

    List<Incident> list() {
        return List.copyOf(found);
    }
}
