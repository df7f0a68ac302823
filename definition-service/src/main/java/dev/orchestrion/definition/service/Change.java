package dev.orchestrion.definition.service;

import java.util.List;

import dev.orchestrion.definition.model.OutboxEvent;
import dev.orchestrion.definition.model.StoredDefinition;

/** What a use case decided: the definition's next state and the events that report it. */
record Change(StoredDefinition next, List<OutboxEvent> events) {
}
