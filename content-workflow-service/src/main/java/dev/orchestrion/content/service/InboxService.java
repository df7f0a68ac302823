package dev.orchestrion.content.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.entry.FieldDifferences;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryQuery;
import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.repository.EntryRepository;
import dev.orchestrion.content.workflow.EntryContext;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.content.workflow.WorkflowMachine.EventRef;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotAllowed;

/**
 * The workflow inbox: the entries, across content types, whose current state waits for one of some roles (an event
 * of that state names the role), latest change first. Whose inbox may be read: one's own roles'; admin and service
 * may read any role's.
 */
@ApplicationScoped
public class InboxService {

    /**
     * Which waiting entries to list.
     *
     * @param roles the roles whose work is listed
     * @param contentType only entries of this content type, or null
     * @param workflowId only entries following this workflow, or null
     * @param states only entries in one of these states, or empty for any
     * @param createdBy only entries this subject created, or null for anyone's
     * @param page from 1
     */
    public record InboxQuery(Set<String> roles, String contentType, String workflowId, Set<String> states,
            String createdBy, int page, int limit) {
    }

    /**
     * An entry that waits, with the events of its state that wait for the roles, and the top-level fields in which
     * its latest version differs from its public version (null while it has none).
     */
    public record InboxItem(Entry entry, WorkflowMachine machine, List<Awaited> awaiting, List<String> changedFields) {
    }

    /**
     * An event that waits for the roles: whether the caller may invoke it now (its roles and conditions), and the
     * transition it would make now ({@code _from_to}) to which state.
     */
    public record Awaited(EventRef ref, boolean invokableNow, String transition, String to) {
    }

    public record InboxPage(List<InboxItem> items, long total) {
    }

    private final EntryRepository entries;
    private final WorkflowDefinitionService workflows;
    private final ContentTypeService types;

    public InboxService(EntryRepository entries, WorkflowDefinitionService workflows, ContentTypeService types) {
        this.entries = entries;
        this.workflows = workflows;
        this.types = types;
    }

    public Uni<InboxPage> inbox(String tenant, Set<String> callerRoles, InboxQuery query) {
        check(callerRoles, query);
        Uni<Void> typeExists = query.contentType() == null
                ? Uni.createFrom().voidItem()
                : types.get(tenant, query.contentType()).replaceWithVoid();
        Uni<List<WorkflowDefinition>> candidates = query.workflowId() == null
                ? workflows.list(tenant)
                : workflows.get(tenant, query.workflowId()).map(List::of);
        return typeExists.chain(() -> candidates).chain(definitions -> {
            Map<String, WorkflowMachine> machines = new LinkedHashMap<>();
            Map<String, Map<String, List<EventRef>>> awaitingByWorkflow = new LinkedHashMap<>();
            Map<String, Set<String>> statesByWorkflow = new LinkedHashMap<>();
            for (WorkflowDefinition definition : definitions) {
                WorkflowMachine machine = new WorkflowMachine(definition);
                Map<String, List<EventRef>> awaiting = machine.awaiting(query.roles());
                Set<String> states = new LinkedHashSet<>(awaiting.keySet());
                if (!query.states().isEmpty()) {
                    states.retainAll(query.states());
                }
                if (!states.isEmpty()) {
                    machines.put(machine.id(), machine);
                    awaitingByWorkflow.put(machine.id(), awaiting);
                    statesByWorkflow.put(machine.id(), states);
                }
            }
            return entries.inStates(tenant, statesByWorkflow, query.contentType(), query.createdBy(),
                    (query.page() - 1) * query.limit(), query.limit()).map(found -> {
                        Instant now = EntryService.now();
                        List<InboxItem> items = new ArrayList<>(found.entries().size());
                        for (Entry entry : found.entries()) {
                            WorkflowMachine machine = machines.get(entry.workflowId());
                            EntryContext context = EntryChanges.context(entry, now);
                            List<Awaited> awaiting = awaitingByWorkflow.get(entry.workflowId())
                                    .get(entry.workflowState()).stream()
                                    .map(ref -> new Awaited(ref,
                                            machine.mayInvoke(callerRoles, ref) && machine.invokableNow(ref, context),
                                            machine.nameNow(ref, context), machine.targetNow(ref, context)))
                                    .toList();
                            items.add(new InboxItem(entry, machine, awaiting, entry.publicVersion() == null
                                    ? null
                                    : FieldDifferences.changedFields(entry.publicVersion().data(), entry.data())));
                        }
                        return new InboxPage(items, found.total());
                    });
        });
    }

    /** The time the inbox renders availability at, as entries do. */
    public static Instant now() {
        return EntryService.now();
    }

    private static void check(Set<String> callerRoles, InboxQuery query) {
        List<FieldViolation> problems = new ArrayList<>();
        if (query.page() < 1) {
            problems.add(new FieldViolation("page", "must be 1 or more"));
        }
        if (query.limit() < 1 || query.limit() > EntryQuery.MAX_LIMIT) {
            problems.add(new FieldViolation("limit", "must be between 1 and " + EntryQuery.MAX_LIMIT));
        } else if (query.page() >= 1 && !EntryQuery.reachable(query.page(), query.limit())) {
            problems.add(new FieldViolation("page",
                    "must start within the first " + EntryQuery.MAX_SKIP + " entries; narrow the inbox with filters"));
        }
        if (!problems.isEmpty()) {
            throw new Invalid("Invalid paging", problems);
        }
        boolean actsForAnyone = callerRoles.stream().anyMatch(WorkflowMachine.ALWAYS_ALLOWED::contains);
        if (!actsForAnyone) {
            List<String> notHeld = query.roles().stream().filter(role -> !callerRoles.contains(role)).sorted().toList();
            if (!notHeld.isEmpty()) {
                throw new NotAllowed("You may read the inbox of your own roles only; you do not hold " + notHeld);
            }
        }
    }
}
