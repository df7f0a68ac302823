package dev.orchestrion.definition.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A definition's document in the {@code definitions} collection: its metadata, searchable fields and pointers to
 * immutable content documents (the draft and the latest published content), kept small so that searching many
 * definitions stays fast. {@code revision} is the optimistic-concurrency version every update filters on.
 *
 * @param pendingRevision whether the draft of an ACTIVE or PAUSED definition differs from its published version
 * @param priorityRank orders the tenant's active definitions (lower first); null when not ACTIVE or PAUSED
 * @param publishedConnections connection name to id, resolved when the latest version was published
 */
public record StoredDefinition(String id, String tenant, String name, String description, List<String> tags,
        String folderId, String exclusiveGroup, String triggerKind, DefinitionStatus status, long revision,
        String draftContentId, boolean pendingRevision, Integer publishedVersion, String publishedContentId,
        Map<String, String> publishedConnections, Instant publishedAt, String publishedBy, Long priorityRank,
        Instant scheduledStartAt, boolean deleted, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy) {

    /** A copy for the next revision: the searchable fields taken from {@code content}. */
    public StoredDefinition withContent(String contentId, DefinitionContent content, boolean pending, Instant now,
            String actor) {
        return new StoredDefinition(id, tenant, content.name(), content.description(), content.tags(),
                content.folderId(), content.exclusiveGroup(), content.triggerKind(), status, revision + 1, contentId,
                pending, publishedVersion, publishedContentId, publishedConnections, publishedAt, publishedBy,
                priorityRank, scheduledStartAt, deleted, createdAt, createdBy, now, actor);
    }

    public StoredDefinition withStatus(DefinitionStatus newStatus, Long newRank, Instant now, String actor) {
        return new StoredDefinition(id, tenant, name, description, tags, folderId, exclusiveGroup, triggerKind,
                newStatus, revision + 1, draftContentId, pendingRevision, publishedVersion, publishedContentId,
                publishedConnections, publishedAt, publishedBy, newRank, scheduledStartAt, deleted, createdAt,
                createdBy, now, actor);
    }

    public StoredDefinition published(DefinitionStatus newStatus, int version, Map<String, String> connections,
            Long newRank, Instant now, String actor) {
        return new StoredDefinition(id, tenant, name, description, tags, folderId, exclusiveGroup, triggerKind,
                newStatus, revision + 1, draftContentId, false, version, draftContentId, connections, now, actor,
                newRank, null, deleted, createdAt, createdBy, now, actor);
    }

    public StoredDefinition withRank(Long newRank, Instant now, String actor) {
        return new StoredDefinition(id, tenant, name, description, tags, folderId, exclusiveGroup, triggerKind, status,
                revision + 1, draftContentId, pendingRevision, publishedVersion, publishedContentId,
                publishedConnections, publishedAt, publishedBy, newRank, scheduledStartAt, deleted, createdAt,
                createdBy, now, actor);
    }

    public StoredDefinition withScheduledStart(Instant at, Instant now, String actor) {
        return new StoredDefinition(id, tenant, name, description, tags, folderId, exclusiveGroup, triggerKind, status,
                revision + 1, draftContentId, pendingRevision, publishedVersion, publishedContentId,
                publishedConnections, publishedAt, publishedBy, priorityRank, at, deleted, createdAt, createdBy, now,
                actor);
    }

    public StoredDefinition asDeleted(Instant now, String actor) {
        return new StoredDefinition(id, tenant, name, description, tags, folderId, exclusiveGroup, triggerKind, status,
                revision + 1, draftContentId, pendingRevision, publishedVersion, publishedContentId,
                publishedConnections, publishedAt, publishedBy, null, null, true, createdAt, createdBy, now, actor);
    }

    public StoredDefinition movedTo(String newFolderId, String contentId, Instant now, String actor) {
        return new StoredDefinition(id, tenant, name, description, tags, newFolderId, exclusiveGroup, triggerKind,
                status, revision + 1, contentId, pendingRevision, publishedVersion, publishedContentId,
                publishedConnections, publishedAt, publishedBy, priorityRank, scheduledStartAt, deleted, createdAt,
                createdBy, now, actor);
    }
}
