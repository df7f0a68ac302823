package dev.orchestrion.content.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.entry.EntryValidator;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.service.EntryService.Loaded;
import dev.orchestrion.content.workflow.EntryContext;
import dev.orchestrion.content.workflow.Transition;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.content.workflow.WorkflowMachine.EventRef;
import dev.orchestrion.content.workflow.WorkflowMachine.NamedTransition;

/**
 * Moves entries through their workflow, by event ({@code state.event}, seed 003) or by transition name
 * ({@code _from_to}, seed 004): the workflow decides (roles, state, conditions, parameters, validation), the change
 * is stored with its audit record and events in one versioned update. Of two concurrent invocations on one entry,
 * the second finds the revision it read gone and answers 409.
 */
@ApplicationScoped
public class EntryWorkflowService {

    /** What the caller may do with an entry now. */
    public record Options(Loaded loaded, EntryContext context, List<EventRef> events,
            List<NamedTransition> transitions) {
    }

    private final EntryService entries;

    public EntryWorkflowService(EntryService entries) {
        this.entries = entries;
    }

    public Uni<Loaded> invokeEvent(String tenant, String typeName, String id, String event, JsonNode data,
            Set<String> roles, String actor) {
        return entries.load(tenant, typeName, id, false).chain(loaded -> {
            Instant now = EntryService.now();
            Entry entry = loaded.entry();
            Transition transition = loaded.machine().invoke(event, EntryChanges.context(entry, now), roles, data,
                    () -> EntryValidator.problems(loaded.type(), entry.data()));
            return entries.store(loaded, EntryChanges.transition(entry, transition, actor, now), now);
        });
    }

    public Uni<Loaded> invokeAction(String tenant, String typeName, String id, String action, JsonNode data,
            Set<String> roles, String actor) {
        return entries.load(tenant, typeName, id, false).chain(loaded -> {
            Instant now = EntryService.now();
            Entry entry = loaded.entry();
            Transition transition = loaded.machine().invokeAction(action, EntryChanges.context(entry, now), roles, data,
                    () -> EntryValidator.problems(loaded.type(), entry.data()));
            return entries.store(loaded, EntryChanges.transition(entry, transition, actor, now), now);
        });
    }

    public Uni<Options> options(String tenant, String typeName, String id, Set<String> roles, boolean publicOnly) {
        return entries.load(tenant, typeName, id, publicOnly).map(loaded -> {
            EntryContext context = EntryChanges.context(loaded.entry(), EntryService.now());
            WorkflowMachine machine = loaded.machine();
            return new Options(loaded, context, machine.available(context, roles),
                    machine.enabledTransitions(context, roles));
        });
    }
}
