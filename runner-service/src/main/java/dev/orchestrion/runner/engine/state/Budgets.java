package dev.orchestrion.runner.engine.state;

/**
 * How much data one run may hold, in bytes of JSON: one value a node stores, and the whole run state. They keep one
 * run from exhausting the memory that every run of the runner shares, and every value small enough for one Kafka
 * record (a call's answer travels in its ResumeRun command, a run's result in its completed event).
 */
public record Budgets(long maxValueSize, long maxStateSize) {

    /** The defaults of docs/operations.md ("Run budgets"). */
    public static final Budgets DEFAULT = new Budgets(512 * 1024, 10 * 1024 * 1024);

    public Budgets {
        if (maxValueSize <= 0 || maxStateSize <= 0) {
            throw new IllegalArgumentException("Budgets must be positive");
        }
    }
}
