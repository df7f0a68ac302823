package dev.orchestrion.definition.service;

import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.StoredDefinition;

/**
 * A definition as a use case returns it: the stored document, its draft content and, for an ACTIVE one, its priority
 * position (1 first).
 */
public record DefinitionView(StoredDefinition stored, DefinitionContent draft, Integer priorityPosition) {
}
