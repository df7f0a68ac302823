package dev.orchestrion.content.workflow;

import java.util.Set;

/**
 * The states and events the platform adds to every workflow: {@code sysWorkflow} is a transition target meaning
 * "hand to publishing", after which the entry shows {@code published} (or {@code scheduled} until its publish date);
 * {@code public} is the published state of workflows that do not use {@code sysWorkflow}.
 */
public final class SystemStates {

    public static final String SYS_WORKFLOW = "sysWorkflow";
    public static final String PUBLISHED = "published";
    public static final String SCHEDULED = "scheduled";
    public static final String PUBLIC = "public";

    /** The event of {@code published} that withdraws the public version and returns the entry to the first state. */
    public static final String UNPUBLISH_EVENT = "unpublish";
    /** The event of {@code scheduled} that cancels the pending publication and returns the entry to the first state. */
    public static final String CANCEL_EVENT = "cancel";

    /** State ids a definition may not use: the platform owns them. */
    public static final Set<String> RESERVED = Set.of(SYS_WORKFLOW, PUBLISHED, SCHEDULED);

    private SystemStates() {
    }

    /** Whether an entry in this state shows its public version as current (entering it publishes). */
    public static boolean isPublishedState(String state) {
        return PUBLISHED.equals(state) || PUBLIC.equals(state);
    }
}
