package dev.orchestrion.runner.events;

/** The topics runner-service writes to (see docs/events/asyncapi.yaml). */
public final class Topics {

    public static final String RUN_COMMANDS = "workflow.run-commands";
    public static final String RUN_EVENTS = "workflow.run-events";

    private Topics() {
    }
}
