package dev.orchestrion.content.model.workflow;

/** Version information of a workflow definition (seed 003's format; timestamps as sent or ISO-8601 UTC). */
public record DefinitionVersion(String createdBy, String created, String modifiedBy, String modified,
        String publishedBy, String published, String versionNo) {
}
