package dev.orchestrion.definition.rest;

/** Optional body of {@code POST /definitions/{id}/duplicate}: the copy's name and folder. */
public record DuplicateRequest(String name, String folderId) {
}
