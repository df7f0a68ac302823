package dev.orchestrion.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.ContentTypeValidator;
import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.messaging.OutboxRelay;
import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.repository.ContentTypeRepository;
import dev.orchestrion.content.repository.EntryRepository;
import dev.orchestrion.content.workflow.BuiltInWorkflows;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotFound;

/**
 * Content type definitions of the caller's tenant. Changing a type's workflow moves its entries to the new workflow
 * (keeping their state where the new workflow has it, else its first state): the type is stored first with a
 * "migration pending" flag, then every entry is moved by its own versioned update, and the flag is cleared. If the
 * service stops half-way, the schedule runner finds the flag and finishes the job; moving an entry twice is
 * impossible because only entries still on another workflow are picked.
 */
@ApplicationScoped
public class ContentTypeService {

    /** The one-state workflow every content type follows unless it names another. */
    public static final String DEFAULT_WORKFLOW = "saved";

    private static final Logger LOG = Logger.getLogger(ContentTypeService.class);
    private static final int MIGRATION_BATCH = 100;

    private final ContentTypeRepository types;
    private final EntryRepository entries;
    private final WorkflowDefinitionService workflows;
    private final OutboxRelay relay;

    public ContentTypeService(ContentTypeRepository types, EntryRepository entries, WorkflowDefinitionService workflows,
            OutboxRelay relay) {
        this.types = types;
        this.entries = entries;
        this.workflows = workflows;
        this.relay = relay;
    }

    /** Creates a type named in the body: 409 if it exists. */
    public Uni<ContentType> create(String tenant, ContentTypeSettings request) {
        if (request.name() == null || request.name().isBlank()) {
            throw Invalid.field("name", "is required");
        }
        checkName(request.name());
        return checked(tenant, request).chain(workflowId -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return types.insert(new ContentType(tenant, request.name(), idOf(request), labelOf(request), workflowId,
                    fieldsOf(request), 1, now, now, false));
        });
    }

    /** Creates or replaces the type; a new workflow moves its entries (see the class comment). */
    public Uni<ContentType> put(String tenant, String name, ContentTypeSettings request, String actor) {
        checkName(name);
        if (request.name() != null && !request.name().equals(name)) {
            throw Invalid.field("name", "must be " + name + " (the name in the path) or absent");
        }
        return checked(tenant, request).chain(workflowId -> types.find(tenant, name).chain(existing -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (existing == null) {
                return types.insert(new ContentType(tenant, name, idOf(request), labelOf(request, name), workflowId,
                        fieldsOf(request), 1, now, now, false));
            }
            boolean workflowChanges = !sameWorkflow(existing.workflowId(), workflowId);
            ContentType changed = new ContentType(tenant, name, existing.id(),
                    request.label() != null ? request.label() : existing.label(), workflowId, fieldsOf(request),
                    existing.version() + 1, existing.createdAt(), now, existing.migrationPending() || workflowChanges);
            return types.replace(changed, existing.version())
                    .call(stored -> stored.migrationPending() ? migrate(stored, actor) : Uni.createFrom().voidItem());
        })).chain(stored -> types.find(tenant, name));
    }

    public Uni<ContentType> get(String tenant, String name) {
        return types.find(tenant, name).onItem().ifNull().failWith(() -> new NotFound("Content type", name));
    }

    public Uni<List<ContentType>> list(String tenant, int skip, int limit) {
        return types.list(tenant, skip, limit);
    }

    public Uni<Long> count(String tenant) {
        return types.count(tenant);
    }

    /** Deletes a type without entries: 409 while it has some. */
    public Uni<Void> delete(String tenant, String name) {
        return get(tenant, name).chain(type -> entries.countLive(tenant, name)).chain(count -> {
            if (count > 0) {
                throw new Conflict("Content type " + name + " still has " + count + " entries");
            }
            return types.delete(tenant, name);
        }).replaceWithVoid();
    }

    /** Finishes workflow changes that a stopped instance left half-done. */
    public Uni<Void> resumeMigrations() {
        return types.migrationsPending().onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUniAndConcatenate(type -> migrate(type, "system:migration")).collect().last()
                .replaceWithVoid();
    }

    /** Moves the type's entries to its workflow in batches, then clears the flag. */
    Uni<Void> migrate(ContentType type, String actor) {
        return workflows.machine(type.tenant(), type.workflowId())
                .chain(machine -> migrateBatch(type, machine, actor, 0)).chain(() -> types.migrationDone(type));
    }

    private Uni<Void> migrateBatch(ContentType type, WorkflowMachine machine, String actor, int round) {
        return entries.notFollowing(type.tenant(), type.name(), machine.id(), MIGRATION_BATCH).chain(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (round > 1000) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Entries of " + type.name() + " keep changing during the workflow migration"));
            }
            return Multi.createFrom().iterable(batch).onItem()
                    .transformToUniAndConcatenate(e -> moveOne(e, machine, actor)).collect().last()
                    .chain(() -> migrateBatch(type, machine, actor, round + 1));
        });
    }

    private Uni<Void> moveOne(Entry entry, WorkflowMachine machine, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return entries.apply(entry, EntryChanges.migrate(entry, machine, actor, now), now, false)
                .invoke(moved -> relay.relaySoon(EntryRepository.documentId(moved.tenant(), moved.id())))
                .replaceWithVoid()
                // Someone changed it meanwhile: the next batch picks it up again.
                .onFailure(DomainException.class).recoverWithNull().onFailure().invoke(e -> LOG
                        .warnf("Moving entry %s to workflow %s failed: %s", entry.id(), machine.id(), e.getMessage()));
    }

    /** Validates the fields and the workflow; answers the workflow id to store. */
    private Uni<String> checked(String tenant, ContentTypeSettings request) {
        List<FieldViolation> problems = ContentTypeValidator.problems(fieldsOf(request));
        if (request.id() != null && !request.id().isBlank()) {
            try {
                UUID.fromString(request.id());
            } catch (IllegalArgumentException e) {
                problems = new ArrayList<>(problems);
                problems.add(new FieldViolation("id", "must be a UUID"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(
                    "The content type has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"),
                    problems);
        }
        String workflowId = request.workflowId() == null || request.workflowId().isBlank()
                ? DEFAULT_WORKFLOW
                : request.workflowId();
        return workflows.find(tenant, workflowId).map(definition -> {
            if (definition == null) {
                throw Invalid.field("workflowId", "unknown workflow " + workflowId);
            }
            return workflowId;
        });
    }

    private boolean sameWorkflow(String a, String b) {
        return BuiltInWorkflows.canonicalId(a).equals(BuiltInWorkflows.canonicalId(b));
    }

    private static void checkName(String name) {
        if (!ContentTypeValidator.TYPE_NAME.matcher(name).matches()) {
            throw Invalid.field("name",
                    "must start with a letter and hold only letters, digits, _ and - (at most 100)");
        }
    }

    private static String idOf(ContentTypeSettings request) {
        return request.id() != null && !request.id().isBlank() ? request.id() : UUID.randomUUID().toString();
    }

    private static String labelOf(ContentTypeSettings request) {
        return labelOf(request, request.name());
    }

    private static String labelOf(ContentTypeSettings request, String name) {
        return request.label() != null ? request.label() : name;
    }

    private static List<ContentField> fieldsOf(ContentTypeSettings request) {
        return request.fields() == null ? List.of() : request.fields();
    }
}
