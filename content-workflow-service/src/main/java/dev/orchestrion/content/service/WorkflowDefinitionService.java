package dev.orchestrion.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.VersionNumbers;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Timestamps;
import dev.orchestrion.content.model.workflow.DefinitionVersion;
import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.repository.ContentTypeRepository;
import dev.orchestrion.content.repository.EntryRepository;
import dev.orchestrion.content.repository.WorkflowDefinitionRepository;
import dev.orchestrion.content.workflow.BuiltInWorkflows;
import dev.orchestrion.content.workflow.WorkflowDefinitionValidator;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotAllowed;
import dev.orchestrion.support.domain.NotFound;

/**
 * Content workflow definitions: the read-only built-ins every tenant has, and each tenant's own. Definitions are
 * validated as a whole (400 listing every problem); {@code isSystem} and {@code version} are the server's to set.
 */
@ApplicationScoped
public class WorkflowDefinitionService {

    private final WorkflowDefinitionRepository definitions;
    private final ContentTypeRepository types;
    private final EntryRepository entries;

    public WorkflowDefinitionService(WorkflowDefinitionRepository definitions, ContentTypeRepository types,
            EntryRepository entries) {
        this.definitions = definitions;
        this.types = types;
        this.entries = entries;
    }

    /** The built-ins, then the tenant's definitions by id. */
    public Uni<List<WorkflowDefinition>> list(String tenant) {
        return definitions.list(tenant).map(stored -> {
            List<WorkflowDefinition> all = new ArrayList<>(BuiltInWorkflows.all());
            stored.forEach(s -> all.add(s.definition()));
            return all;
        });
    }

    /** A built-in (by id or alias) or one of the tenant's definitions; 404 otherwise. */
    public Uni<WorkflowDefinition> get(String tenant, String id) {
        return find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("Workflow definition", id));
    }

    /** The state machine of a workflow a content type names; 404 if it does not exist. */
    public Uni<WorkflowMachine> machine(String tenant, String id) {
        return get(tenant, id).map(WorkflowMachine::new);
    }

    /** A built-in or stored definition, or null. */
    public Uni<WorkflowDefinition> find(String tenant, String id) {
        var builtIn = BuiltInWorkflows.find(id);
        if (builtIn.isPresent()) {
            return Uni.createFrom().item(builtIn.get());
        }
        return definitions.find(tenant, id).map(s -> s == null ? null : s.definition());
    }

    public Uni<WorkflowDefinition> create(String tenant, WorkflowDefinition definition, String actor) {
        refuseBuiltIn(definition.id());
        validate(definition);
        String now = Timestamps.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        WorkflowDefinition stored = definition.withServerFields(
                definition.uuid() != null ? definition.uuid() : UUID.randomUUID().toString(), false,
                new DefinitionVersion(actor, now, actor, now, null, null, VersionNumbers.INITIAL), null);
        return definitions.insert(tenant, stored).map(WorkflowDefinitionRepository.Stored::definition);
    }

    /**
     * Replaces a tenant's definition. 409 if entries are in states the new definition no longer has (they would be
     * stranded); content types keep following it.
     */
    public Uni<WorkflowDefinition> update(String tenant, String id, WorkflowDefinition definition, String actor) {
        refuseBuiltIn(id);
        if (definition.id() != null && !definition.id().equals(id)) {
            throw Invalid.field("id", "must be " + id + " (the id in the path) or absent");
        }
        WorkflowDefinition withId = new WorkflowDefinition(id, definition.uuid(), definition.projectId(),
                definition.name(), definition.description(), definition.states(), definition.eventGroups(), false, null,
                null);
        validate(withId);
        return definitions.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("Workflow definition", id))
                .chain(existing -> {
                    List<String> removed = new ArrayList<>(new WorkflowMachine(existing.definition()).stateIds());
                    removed.removeAll(new WorkflowMachine(withId).stateIds());
                    return refuseIfStranded(tenant, id, removed).chain(() -> {
                        DefinitionVersion old = existing.definition().version();
                        String now = Timestamps.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
                        WorkflowDefinition stored = withId.withServerFields(
                                withId.uuid() != null ? withId.uuid() : existing.definition().uuid(), false,
                                new DefinitionVersion(old.createdBy(), old.created(), actor, now, null, null,
                                        VersionNumbers.nextMinor(old.versionNo())),
                                null);
                        return definitions.replace(tenant, stored, existing.revision());
                    });
                }).map(WorkflowDefinitionRepository.Stored::definition);
    }

    /** Deletes a tenant's definition: 409 while a content type follows it. */
    public Uni<Void> delete(String tenant, String id) {
        refuseBuiltIn(id);
        return types.usingWorkflow(tenant, List.of(id)).chain(using -> {
            if (!using.isEmpty()) {
                throw new Conflict("Workflow definition " + id + " is used by content types "
                        + using.stream().map(ContentType::name).toList());
            }
            return definitions.delete(tenant, id);
        }).map(deleted -> {
            if (!deleted) {
                throw new NotFound("Workflow definition", id);
            }
            return null;
        });
    }

    private Uni<Void> refuseIfStranded(String tenant, String id, List<String> removedStates) {
        if (removedStates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return types.usingWorkflow(tenant, List.of(id)).chain(using -> using.isEmpty()
                ? Uni.createFrom().item(0L)
                : entries.countInStates(tenant, using.stream().map(ContentType::name).toList(), id, removedStates))
                .map(count -> {
                    if (count > 0) {
                        throw new Conflict(count + " entries are in states this change removes: " + removedStates
                                + "; move them first");
                    }
                    return null;
                });
    }

    private static void refuseBuiltIn(String id) {
        if (id != null && BuiltInWorkflows.isReserved(id)) {
            throw new NotAllowed("Workflow definition " + id + " is built in and read-only");
        }
    }

    private static void validate(WorkflowDefinition definition) {
        List<FieldViolation> problems = WorkflowDefinitionValidator.problems(definition);
        if (!problems.isEmpty()) {
            throw new Invalid(
                    "The workflow definition has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"),
                    problems);
        }
    }
}
