package dev.orchestrion.definition.rest;

/** The body of {@code POST /definitions/{id}/move}: the target folder (null: the top level). */
public record MoveRequest(String folderId, Long revision) {
}
