package dev.orchestrion.cases.mapping;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.model.CaseEventType;
import dev.orchestrion.cases.model.CaseField;
import dev.orchestrion.cases.model.OutboxEvent;

/**
 * A case change to the outbox row of its event (docs/events/schemas/dev.orchestrion.case.*). Events name fields,
 * never their values: they reach every consumer of the topic.
 */
public final class CaseEventMapper {

    /** The data of {@code dev.orchestrion.case.created}. */
    public record CaseCreated(UUID caseId, String tenant, Instant occurredAt, long revision, List<String> fields) {
    }

    /** The data of {@code dev.orchestrion.case.updated}. */
    public record CaseUpdated(UUID caseId, String tenant, Instant occurredAt, long revision,
            List<String> changedFields) {
    }

    /** The data of {@code dev.orchestrion.case.erased}. */
    public record CaseErased(UUID caseId, String tenant, Instant occurredAt, long revision) {
    }

    private CaseEventMapper() {
    }

    public static OutboxEvent created(CaseEntity entity, Collection<CaseField> given, ObjectMapper json) {
        return outbox(entity, CaseEventType.CREATED, entity.createdAt,
                new CaseCreated(entity.id, entity.tenant, entity.createdAt, entity.version, names(given)), json);
    }

    /** @param revision the version the change gives the case */
    public static OutboxEvent updated(CaseEntity entity, Collection<CaseField> changed, long revision, Instant at,
            ObjectMapper json) {
        return outbox(entity, CaseEventType.UPDATED, at,
                new CaseUpdated(entity.id, entity.tenant, at, revision, names(changed)), json);
    }

    /** @param revision the version the erasure gives the case */
    public static OutboxEvent erased(CaseEntity entity, long revision, Instant at, ObjectMapper json) {
        return outbox(entity, CaseEventType.ERASED, at, new CaseErased(entity.id, entity.tenant, at, revision), json);
    }

    private static OutboxEvent outbox(CaseEntity entity, CaseEventType type, Instant at, Object data,
            ObjectMapper json) {
        try {
            return new OutboxEvent(UUID.randomUUID(), entity.id, entity.tenant, type, at,
                    json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the " + type + " event of " + entity, e);
        }
    }

    private static List<String> names(Collection<CaseField> fields) {
        return fields.stream().map(CaseField::jsonName).toList();
    }
}
