package dev.orchestrion.runner.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the runner needs to know about a definition to accept a run of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefinitionView(String id, String name, String status, Integer publishedVersion, String exclusiveGroup) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
