package dev.orchestrion.content.workflow;

/**
 * The decided outcome of invoking an event on an entry: where it goes and what that means for publication.
 *
 * @param event {@code state.event}, e.g. {@code draft.submit}
 * @param name the transition name, {@code _from_to}
 * @param toState the state the entry shows afterwards ({@code published} or {@code scheduled} for sysWorkflow)
 * @param publishes the entry's current version becomes its public version
 * @param unpublishes the entry's public version is withdrawn
 * @param cancelsPublishSchedule the pending publish schedule is dropped
 * @param message the invoker's message ({@code data.message}), if any
 * @param auditText what the audit history says happened
 */
public record Transition(String workflowId, String event, String name, String fromState, String toState,
        boolean publishes, boolean unpublishes, boolean cancelsPublishSchedule, String message, String auditText) {

    public boolean changesState() {
        return !fromState.equals(toState);
    }
}
