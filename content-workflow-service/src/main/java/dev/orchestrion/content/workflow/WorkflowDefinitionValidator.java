package dev.orchestrion.content.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.orchestrion.content.model.workflow.EventGroup;
import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.model.workflow.InvokableCondition;
import dev.orchestrion.content.model.workflow.ParameterValidations;
import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.model.workflow.WorkflowEvent;
import dev.orchestrion.content.model.workflow.WorkflowStateDefinition;
import dev.orchestrion.support.domain.FieldViolation;

/**
 * Finds every problem of a workflow definition at once: missing or duplicate ids, unknown target states and event
 * groups, unreachable states, malformed parameters and conditions, transition names that two states would share.
 */
public final class WorkflowDefinitionValidator {

    /** Definition, state, event and parameter ids: no dots (they are joined as {@code workflow.state.event}). */
    public static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");

    private WorkflowDefinitionValidator() {
    }

    public static List<FieldViolation> problems(WorkflowDefinition definition) {
        List<FieldViolation> problems = new ArrayList<>();
        if (definition.id() == null || definition.id().isBlank()) {
            problems.add(new FieldViolation("id", "is required"));
        } else if (!ID.matcher(definition.id()).matches()) {
            problems.add(new FieldViolation("id",
                    "must start with a letter and hold only letters, digits, _ and -" + " (at most 100)"));
        }
        if (definition.uuid() != null && !isUuid(definition.uuid())) {
            problems.add(new FieldViolation("uuid", "must be a UUID"));
        }
        Set<String> groupIds = new HashSet<>();
        List<EventGroup> groups = definition.eventGroupsOrEmpty();
        for (int i = 0; i < groups.size(); i++) {
            EventGroup group = groups.get(i);
            if (group == null || group.id() == null || group.id().isBlank()) {
                problems.add(new FieldViolation("eventGroups[" + i + "].id", "is required"));
            } else if (!groupIds.add(group.id())) {
                problems.add(new FieldViolation("eventGroups[" + i + "].id", "duplicates event group " + group.id()));
            }
        }
        List<WorkflowStateDefinition> states = definition.statesOrEmpty();
        if (states.isEmpty()) {
            problems.add(new FieldViolation("states", "must hold at least one state"));
            return problems;
        }
        Set<String> stateIds = new LinkedHashSet<>();
        for (int i = 0; i < states.size(); i++) {
            WorkflowStateDefinition state = states.get(i);
            String path = "states[" + i + "]";
            if (state == null || state.id() == null || state.id().isBlank()) {
                problems.add(new FieldViolation(path + ".id", "is required"));
            } else if (!ID.matcher(state.id()).matches()) {
                problems.add(new FieldViolation(path + ".id",
                        "must start with a letter and hold only letters, digits, _ and -"));
            } else if (SystemStates.RESERVED.contains(state.id())) {
                problems.add(new FieldViolation(path + ".id", state.id() + " is a system state and cannot be defined"));
            } else if (!stateIds.add(state.id())) {
                problems.add(new FieldViolation(path + ".id", "duplicates state " + state.id()));
            }
        }
        for (int i = 0; i < states.size(); i++) {
            WorkflowStateDefinition state = states.get(i);
            if (state != null) {
                eventProblems(state, "states[" + i + "]", stateIds, groupIds, !groups.isEmpty(), problems);
            }
        }
        if (problems.isEmpty()) {
            reachability(states, problems);
            nameCollisions(definition, problems);
        }
        return problems;
    }

    private static void eventProblems(WorkflowStateDefinition state, String statePath, Set<String> stateIds,
            Set<String> groupIds, boolean groupsDeclared, List<FieldViolation> problems) {
        Set<String> eventIds = new HashSet<>();
        List<WorkflowEvent> events = state.eventsOrEmpty();
        for (int j = 0; j < events.size(); j++) {
            WorkflowEvent event = events.get(j);
            String path = statePath + ".events[" + j + "]";
            if (event == null || event.id() == null || event.id().isBlank()) {
                problems.add(new FieldViolation(path + ".id", "is required"));
                continue;
            }
            if (!ID.matcher(event.id()).matches()) {
                problems.add(new FieldViolation(path + ".id",
                        "must start with a letter and hold only letters, digits, _ and -"));
            } else if (!eventIds.add(event.id())) {
                problems.add(new FieldViolation(path + ".id", "duplicates event " + event.id() + " of this state"));
            }
            String target = event.transitionTo();
            if (!event.stays() && !SystemStates.SYS_WORKFLOW.equals(target) && !stateIds.contains(target)) {
                problems.add(new FieldViolation(path + ".transitionTo",
                        "unknown state " + target + "; use a state id, sysWorkflow, or nothing to stay"));
            }
            if (event.groupId() != null && groupsDeclared && !groupIds.contains(event.groupId())) {
                problems.add(new FieldViolation(path + ".groupId", "unknown event group " + event.groupId()));
            }
            if (event.roles() != null) {
                for (int r = 0; r < event.roles().size(); r++) {
                    String role = event.roles().get(r);
                    if (role == null || role.isBlank()) {
                        problems.add(new FieldViolation(path + ".roles[" + r + "]", "must be a role name"));
                    }
                }
            }
            List<InvokableCondition> conditions = event.invokableWhenOrEmpty();
            for (int c = 0; c < conditions.size(); c++) {
                String problem = conditions.get(c) == null
                        ? "must be a condition"
                        : InvokableConditions.problem(conditions.get(c));
                if (problem != null) {
                    problems.add(new FieldViolation(path + ".invokableWhen[" + c + "]", problem));
                }
            }
            parameterProblems(event.parametersOrEmpty(), path, problems);
        }
    }

    private static void parameterProblems(List<EventParameter> parameters, String eventPath,
            List<FieldViolation> problems) {
        Set<String> ids = new HashSet<>();
        for (int p = 0; p < parameters.size(); p++) {
            EventParameter parameter = parameters.get(p);
            String path = eventPath + ".parameters[" + p + "]";
            if (parameter == null || parameter.id() == null || parameter.id().isBlank()) {
                problems.add(new FieldViolation(path + ".id", "is required"));
                continue;
            }
            if (!ID.matcher(parameter.id()).matches()) {
                problems.add(new FieldViolation(path + ".id",
                        "must start with a letter and hold only letters, digits, _ and -"));
            } else if (!ids.add(parameter.id())) {
                problems.add(new FieldViolation(path + ".id", "duplicates parameter " + parameter.id()));
            }
            if (parameter.dataType() != null && !ParameterValidator.DATA_TYPES.contains(parameter.dataType())) {
                problems.add(new FieldViolation(path + ".dataType",
                        "must be one of " + ParameterValidator.DATA_TYPES.stream().sorted().toList()));
            }
            ParameterValidations validations = parameter.validations();
            if (validations == null) {
                continue;
            }
            Integer min = validations.minLength() == null ? null : validations.minLength().value();
            Integer max = validations.maxLength() == null ? null : validations.maxLength().value();
            if (validations.minLength() != null && (min == null || min < 0)) {
                problems.add(new FieldViolation(path + ".validations.minLength.value", "must be 0 or more"));
            }
            if (validations.maxLength() != null && (max == null || max < 0)) {
                problems.add(new FieldViolation(path + ".validations.maxLength.value", "must be 0 or more"));
            }
            if (min != null && max != null && min > max) {
                problems.add(new FieldViolation(path + ".validations", "minLength must not exceed maxLength"));
            }
            if (validations.regex() != null) {
                try {
                    Pattern.compile(validations.regex().pattern());
                } catch (PatternSyntaxException | NullPointerException e) {
                    problems.add(
                            new FieldViolation(path + ".validations.regex.pattern", "must be a regular expression"));
                }
            }
            if (validations.allowedValues() != null && (validations.allowedValues().values() == null
                    || validations.allowedValues().values().isEmpty())) {
                problems.add(new FieldViolation(path + ".validations.allowedValues.values", "must not be empty"));
            }
        }
    }

    /** Every state must be reachable from the first; system states lead back to the first, so they add nothing. */
    private static void reachability(List<WorkflowStateDefinition> states, List<FieldViolation> problems) {
        Map<String, WorkflowStateDefinition> byId = new LinkedHashMap<>();
        states.forEach(s -> byId.putIfAbsent(s.id(), s));
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(states.get(0).id()));
        while (!queue.isEmpty()) {
            String id = queue.pop();
            if (!reached.add(id)) {
                continue;
            }
            for (WorkflowEvent event : byId.get(id).eventsOrEmpty()) {
                if (!event.stays() && byId.containsKey(event.transitionTo())) {
                    queue.push(event.transitionTo());
                }
            }
        }
        for (int i = 0; i < states.size(); i++) {
            if (!reached.contains(states.get(i).id())) {
                problems.add(new FieldViolation("states[" + i + "]",
                        "state " + states.get(i).id() + " is unreachable from the first state " + states.get(0).id()));
            }
        }
    }

    /** {@code _from_to} names must identify the from-state, e.g. states {@code a_b} and {@code a} may not collide. */
    private static void nameCollisions(WorkflowDefinition definition, List<FieldViolation> problems) {
        WorkflowMachine machine = new WorkflowMachine(definition);
        Map<String, String> fromByName = new LinkedHashMap<>();
        for (WorkflowMachine.EventRef ref : machine.allEvents()) {
            for (String to : machine.possibleTargets(ref)) {
                String name = WorkflowMachine.transitionName(ref.state(), to);
                String other = fromByName.putIfAbsent(name, ref.state());
                if (other != null && !other.equals(ref.state())) {
                    problems.add(new FieldViolation("states",
                            "states " + other + " and " + ref.state() + " both have a transition named " + name));
                }
            }
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
