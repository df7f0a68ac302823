package dev.orchestrion.definition.model;

/** The lifecycle of a workflow definition. */
public enum DefinitionStatus {
    DRAFT, ACTIVE, PAUSED, FINALIZED
}
