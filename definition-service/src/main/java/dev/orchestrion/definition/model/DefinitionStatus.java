package dev.orchestrion.definition.model;

import java.util.Set;

/** The lifecycle of a workflow definition: DRAFT -> ACTIVE <-> PAUSED -> FINALIZED. */
public enum DefinitionStatus {

    DRAFT, ACTIVE, PAUSED, FINALIZED;

    /** The lifecycle action that leads from this status to {@code target}, if the lifecycle allows it. */
    public boolean canMoveTo(DefinitionStatus target) {
        return switch (this) {
            case DRAFT -> target == ACTIVE;
            case ACTIVE -> Set.of(PAUSED, FINALIZED).contains(target);
            case PAUSED -> Set.of(ACTIVE, FINALIZED).contains(target);
            case FINALIZED -> false;
        };
    }

    /** Whether the definition has a published version that runs (or could run again). */
    public boolean isPublished() {
        return this == ACTIVE || this == PAUSED;
    }
}
