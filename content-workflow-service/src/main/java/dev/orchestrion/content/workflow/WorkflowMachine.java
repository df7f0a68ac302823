package dev.orchestrion.content.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.model.workflow.InvokableCondition;
import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.model.workflow.WorkflowEvent;
import dev.orchestrion.content.model.workflow.WorkflowStateDefinition;
import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotAllowed;
import dev.orchestrion.support.domain.Unprocessable;
import dev.orchestrion.support.security.Roles;

/**
 * A workflow definition as a state machine: which events an entry may take in its state, what each is named
 * ({@code _from_to}), who may invoke it ({@code workflowId.state.event}), and what invoking it decides. Pure: no I/O.
 * <p>
 * A definition that uses {@code sysWorkflow} gets two system states: {@code published} (event {@code unpublish},
 * back to the first state) and {@code scheduled} (event {@code cancel}, back to the first state), invokable by the
 * roles that may publish.
 */
public final class WorkflowMachine {

    /**
     * Who (beyond {@link #ALWAYS_ALLOWED}) may invoke an event whose definition names no roles: nobody. Denied by
     * default, so that a custom workflow that forgets roles does not let any content role approve and publish.
     */
    public static final List<String> DEFAULT_EVENT_ROLES = List.of();
    /** Roles that may invoke every event: administrators, and services acting for a workflow run. */
    public static final Set<String> ALWAYS_ALLOWED = Set.of(Roles.ADMIN, Roles.SERVICE);

    /** An event of a state; {@code system} for the events of {@code published} and {@code scheduled}. */
    public record EventRef(String state, WorkflowEvent event, boolean system) {

        public String key() {
            return state + "." + event.id();
        }
    }

    /** A transition as seed 004 lists it. */
    public record NamedTransition(String name, List<String> froms, List<String> tos) {
    }

    private final WorkflowDefinition definition;
    private final Map<String, WorkflowStateDefinition> states = new LinkedHashMap<>();
    private final boolean sysWorkflow;
    private final List<EventRef> systemEvents;

    public WorkflowMachine(WorkflowDefinition definition) {
        this.definition = definition;
        for (WorkflowStateDefinition state : definition.statesOrEmpty()) {
            states.putIfAbsent(state.id(), state);
        }
        this.sysWorkflow = states.values().stream().flatMap(s -> s.eventsOrEmpty().stream())
                .anyMatch(e -> SystemStates.SYS_WORKFLOW.equals(e.transitionTo()));
        this.systemEvents = sysWorkflow ? systemEvents() : List.of();
    }

    public String id() {
        return definition.id();
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    /** Where new entries start, and where unpublished or cancelled entries return. */
    public String firstState() {
        return states.keySet().iterator().next();
    }

    public boolean usesSysWorkflow() {
        return sysWorkflow;
    }

    /** Whether entries of this workflow can ever have a public version. */
    public boolean publishes() {
        return sysWorkflow || states.containsKey(SystemStates.PUBLIC);
    }

    public boolean hasState(String state) {
        return states.containsKey(state)
                || sysWorkflow && (SystemStates.PUBLISHED.equals(state) || SystemStates.SCHEDULED.equals(state));
    }

    /** All states an entry may show, the system states last. */
    public List<String> stateIds() {
        List<String> ids = new ArrayList<>(states.keySet());
        if (sysWorkflow) {
            ids.add(SystemStates.PUBLISHED);
            ids.add(SystemStates.SCHEDULED);
        }
        return ids;
    }

    /** Whether an entry in this state may be edited (system states may: an edit starts a new draft). */
    public boolean allowsUpdates(String state) {
        WorkflowStateDefinition definitionState = states.get(state);
        return definitionState == null || definitionState.updatesAllowed();
    }

    public List<EventRef> events(String state) {
        List<EventRef> events = new ArrayList<>();
        WorkflowStateDefinition definitionState = states.get(state);
        if (definitionState != null) {
            definitionState.eventsOrEmpty().forEach(e -> events.add(new EventRef(state, e, false)));
        }
        systemEvents.stream().filter(e -> e.state().equals(state)).forEach(events::add);
        return events;
    }

    public List<EventRef> allEvents() {
        List<EventRef> events = new ArrayList<>();
        stateIds().forEach(s -> events.addAll(events(s)));
        return events;
    }

    public Optional<EventRef> event(String state, String eventId) {
        return events(state).stream().filter(e -> e.event().id().equals(eventId)).findFirst();
    }

    /** The permission that invoking this event needs: {@code workflowId.state.event}. */
    public String permission(EventRef ref) {
        return id() + "." + ref.key();
    }

    public boolean mayInvoke(Set<String> roles, EventRef ref) {
        if (roles.stream().anyMatch(ALWAYS_ALLOWED::contains)) {
            return true;
        }
        List<String> allowed = rolesOf(ref.event());
        return roles.stream().anyMatch(allowed::contains);
    }

    /**
     * The states whose entries wait for one of these roles: each with its events that name one of them (the roles an
     * event allows; admin's and service's right to invoke every event does not count, nor do the system events that
     * withdraw a publication). In the order of the workflow's states.
     */
    public Map<String, List<EventRef>> awaiting(Set<String> roles) {
        Map<String, List<EventRef>> awaiting = new LinkedHashMap<>();
        for (String state : stateIds()) {
            List<EventRef> named = events(state).stream()
                    .filter(ref -> !ref.system() && rolesOf(ref.event()).stream().anyMatch(roles::contains)).toList();
            if (!named.isEmpty()) {
                awaiting.put(state, named);
            }
        }
        return awaiting;
    }

    public static String transitionName(String from, String to) {
        return "_" + from + "_" + to;
    }

    /** The states this event can lead to, as its transition names show them. */
    public List<String> possibleTargets(EventRef ref) {
        WorkflowEvent event = ref.event();
        if (event.stays()) {
            return List.of(ref.state());
        }
        if (!SystemStates.SYS_WORKFLOW.equals(event.transitionTo())) {
            return List.of(event.transitionTo());
        }
        for (InvokableCondition condition : event.invokableWhenOrEmpty()) {
            if ("isScheduledForPublish()".equals(condition.field()) && condition.equalTo() != null
                    && condition.equalTo().isBoolean()) {
                return List.of(condition.equalTo().booleanValue() ? SystemStates.SCHEDULED : SystemStates.PUBLISHED);
            }
        }
        return List.of(SystemStates.PUBLISHED, SystemStates.SCHEDULED);
    }

    /** The state the entry would show if this event were invoked now. */
    public String targetNow(EventRef ref, EntryContext entry) {
        WorkflowEvent event = ref.event();
        if (event.stays()) {
            return ref.state();
        }
        if (SystemStates.SYS_WORKFLOW.equals(event.transitionTo())) {
            return entry.scheduledForPublish() ? SystemStates.SCHEDULED : SystemStates.PUBLISHED;
        }
        return event.transitionTo();
    }

    public String nameNow(EventRef ref, EntryContext entry) {
        return transitionName(ref.state(), targetNow(ref, entry));
    }

    public boolean invokableNow(EventRef ref, EntryContext entry) {
        return ref.event().invokableWhenOrEmpty().stream().allMatch(c -> InvokableConditions.holds(c, entry));
    }

    /** The events of the entry's state that these roles may invoke now. */
    public List<EventRef> available(EntryContext entry, Set<String> roles) {
        return events(entry.state()).stream().filter(e -> mayInvoke(roles, e) && invokableNow(e, entry)).toList();
    }

    /** Seed 004's {@code enabled_transitions}: what these roles may invoke now, one per name. */
    public List<NamedTransition> enabledTransitions(EntryContext entry, Set<String> roles) {
        Map<String, NamedTransition> byName = new LinkedHashMap<>();
        for (EventRef ref : available(entry, roles)) {
            String to = targetNow(ref, entry);
            byName.putIfAbsent(transitionName(ref.state(), to),
                    new NamedTransition(transitionName(ref.state(), to), List.of(ref.state()), List.of(to)));
        }
        return List.copyOf(byName.values());
    }

    /** Every transition of the workflow, one per name. */
    public List<NamedTransition> allTransitions() {
        Map<String, NamedTransition> byName = new LinkedHashMap<>();
        for (EventRef ref : allEvents()) {
            for (String to : possibleTargets(ref)) {
                String name = transitionName(ref.state(), to);
                byName.putIfAbsent(name, new NamedTransition(name, List.of(ref.state()), List.of(to)));
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * Decides an invocation by event ({@code state.event}): {@link Invalid} for an event the workflow does not have,
     * {@link NotAllowed} when the roles may not invoke it, a {@link Conflict} when the entry is in another state,
     * {@link Unprocessable} when a condition, a parameter or (with
     * {@code validate}) the entry fails.
     */
    public Transition invoke(String eventKey, EntryContext entry, Set<String> roles, JsonNode data,
            Supplier<List<FieldViolation>> entryProblems) {
        int dot = eventKey == null ? -1 : eventKey.indexOf('.');
        if (dot <= 0 || dot == eventKey.length() - 1) {
            throw Invalid.field("event", "must be state.event, e.g. draft.submit");
        }
        EventRef ref = event(eventKey.substring(0, dot), eventKey.substring(dot + 1))
                .orElseThrow(() -> Invalid.field("event", "workflow " + id() + " has no event " + eventKey
                        + "; its events are " + allEvents().stream().map(EventRef::key).toList()));
        if (!mayInvoke(roles, ref)) {
            throw new NotAllowed("Your roles may not invoke " + permission(ref));
        }
        if (!ref.state().equals(entry.state())) {
            throw notValidInState(eventKey, entry.state());
        }
        if (!invokableNow(ref, entry)) {
            throw notInvokable(ref, entry);
        }
        return decide(ref, entry, data, entryProblems);
    }

    /** Decides an invocation by transition name ({@code _from_to}), with the same answers as {@link #invoke}. */
    public Transition invokeAction(String action, EntryContext entry, Set<String> roles, JsonNode data,
            Supplier<List<FieldViolation>> entryProblems) {
        if (action == null || !action.startsWith("_")) {
            throw Invalid.field("action", "must be a transition name _from_to, e.g. _draft_review");
        }
        List<EventRef> named = allEvents().stream().filter(
                ref -> possibleTargets(ref).stream().anyMatch(to -> transitionName(ref.state(), to).equals(action)))
                .toList();
        if (named.isEmpty()) {
            throw Invalid.field("action", "workflow " + id() + " has no transition " + action + "; its transitions are "
                    + allTransitions().stream().map(NamedTransition::name).toList());
        }
        List<EventRef> permitted = named.stream().filter(ref -> mayInvoke(roles, ref)).toList();
        if (permitted.isEmpty()) {
            throw new NotAllowed("Your roles may not invoke " + permission(named.get(0)));
        }
        List<EventRef> fromHere = permitted.stream().filter(ref -> ref.state().equals(entry.state())).toList();
        if (fromHere.isEmpty()) {
            throw notValidInState(action, entry.state());
        }
        for (EventRef ref : fromHere) {
            if (nameNow(ref, entry).equals(action) && invokableNow(ref, entry)) {
                return decide(ref, entry, data, entryProblems);
            }
        }
        EventRef first = fromHere.get(0);
        if (!nameNow(first, entry).equals(action)) {
            throw new Unprocessable(
                    "Transition " + action + " cannot be invoked now: the entry "
                            + (entry.scheduledForPublish() ? "has" : "has no") + " pending publish schedule, so this "
                            + "transition is " + nameNow(first, entry),
                    List.of(new FieldViolation("action", "use " + nameNow(first, entry))));
        }
        throw notInvokable(first, entry);
    }

    private Transition decide(EventRef ref, EntryContext entry, JsonNode data,
            Supplier<List<FieldViolation>> entryProblems) {
        WorkflowEvent event = ref.event();
        List<FieldViolation> parameterProblems = ParameterValidator.problems(event.parametersOrEmpty(), data);
        if (!parameterProblems.isEmpty()) {
            throw new Unprocessable("The parameters of " + ref.key() + " fail their validation", parameterProblems);
        }
        if (event.validatesEntry()) {
            List<FieldViolation> problems = entryProblems.get();
            if (!problems.isEmpty()) {
                throw new Unprocessable(
                        ref.key() + " needs a valid entry, and the entry fails its content type's validation",
                        problems);
            }
        }
        String from = ref.state();
        String to = targetNow(ref, entry);
        boolean publishes = false;
        boolean unpublishes = false;
        boolean cancels = false;
        if (ref.system()) {
            unpublishes = SystemStates.UNPUBLISH_EVENT.equals(event.id());
            cancels = SystemStates.CANCEL_EVENT.equals(event.id());
        } else if (SystemStates.SYS_WORKFLOW.equals(event.transitionTo())) {
            publishes = !entry.scheduledForPublish();
        } else if (!from.equals(to)) {
            publishes = SystemStates.PUBLIC.equals(to);
            unpublishes = SystemStates.PUBLIC.equals(from);
        }
        return new Transition(id(), ref.key(), transitionName(from, to), from, to, publishes, unpublishes, cancels,
                ParameterValidator.message(data), Localized.text(event.auditText(), ref.key()));
    }

    private Conflict notValidInState(String what, String state) {
        List<String> valid = events(state).stream().map(EventRef::key).toList();
        return new Conflict(what + " is not valid while the entry is in state " + state
                + (valid.isEmpty() ? "; no event is" : "; valid events: " + valid));
    }

    private Unprocessable notInvokable(EventRef ref, EntryContext entry) {
        List<FieldViolation> failed = new ArrayList<>();
        for (InvokableCondition condition : ref.event().invokableWhenOrEmpty()) {
            if (!InvokableConditions.holds(condition, entry)) {
                failed.add(new FieldViolation("invokableWhen",
                        InvokableConditions.describe(condition) + " does not hold"));
            }
        }
        return new Unprocessable(ref.key() + " is not invokable now: its conditions do not hold", failed);
    }

    private static List<String> rolesOf(WorkflowEvent event) {
        return event.roles() == null || event.roles().isEmpty() ? DEFAULT_EVENT_ROLES : event.roles();
    }

    private List<EventRef> systemEvents() {
        Set<String> publishers = new LinkedHashSet<>();
        states.values().stream().flatMap(s -> s.eventsOrEmpty().stream())
                .filter(e -> SystemStates.SYS_WORKFLOW.equals(e.transitionTo()))
                .forEach(e -> publishers.addAll(rolesOf(e)));
        List<EventParameter> message = List.of(new EventParameter(ParameterValidator.MESSAGE,
                Map.of("en-GB", "An optional message"), "string", null, null, null, null, null));
        String first = firstState();
        WorkflowEvent unpublish = new WorkflowEvent(SystemStates.UNPUBLISH_EVENT, Map.of("en-GB", "Unpublish"),
                Map.of("en-GB", "Unpublished"), Map.of("en-GB", "Withdraw the public version"), first, null, null, null,
                false, message, null, List.copyOf(publishers));
        WorkflowEvent cancel = new WorkflowEvent(SystemStates.CANCEL_EVENT, Map.of("en-GB", "Cancel publishing"),
                Map.of("en-GB", "Scheduled publishing cancelled"), Map.of("en-GB", "Cancel the scheduled publication"),
                first, null, null, null, false, message, null, List.copyOf(publishers));
        return List.of(new EventRef(SystemStates.PUBLISHED, unpublish, true),
                new EventRef(SystemStates.SCHEDULED, cancel, true));
    }
}
