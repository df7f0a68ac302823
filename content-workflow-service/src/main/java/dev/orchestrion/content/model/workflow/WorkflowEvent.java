package dev.orchestrion.content.model.workflow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event of a state: invoking it moves the entry to {@code transitionTo} (a state id; absent or empty to stay;
 * {@code sysWorkflow} to publish now or at the entry's publish schedule).
 *
 * @param validate whether the entry must pass its content type's validation first
 * @param invokableWhen conditions that must all hold for the event to be invokable
 * @param roles the roles that may invoke it (admin and service always may); absent or empty: nobody else (deny by
 *        default)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowEvent(String id, Map<String, String> name, Map<String, String> auditText,
        Map<String, String> description, String transitionTo, String color, String groupId, String uiAction,
        Boolean validate, List<EventParameter> parameters, List<InvokableCondition> invokableWhen, List<String> roles) {

    public List<EventParameter> parametersOrEmpty() {
        return parameters == null ? List.of() : parameters;
    }

    public List<InvokableCondition> invokableWhenOrEmpty() {
        return invokableWhen == null ? List.of() : invokableWhen;
    }

    public boolean validatesEntry() {
        return Boolean.TRUE.equals(validate);
    }

    /** No target state: the entry stays where it is. */
    public boolean stays() {
        return transitionTo == null || transitionTo.isBlank();
    }
}
