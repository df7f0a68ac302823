package dev.orchestrion.runner.engine.state;

/**
 * How much data one run may hold, as (estimated) characters of JSON: one value a node produces, and the whole run
 * state. They keep one run from exhausting the memory that every run of the runner shares.
 */
public record Budgets(long maxValueSize, long maxStateSize) {

    /** The defaults of docs/operations.md ("Run budgets"). */
    public static final Budgets DEFAULT = new Budgets(1024 * 1024, 10 * 1024 * 1024);

    public Budgets {
        if (maxValueSize <= 0 || maxStateSize <= 0) {
            throw new IllegalArgumentException("Budgets must be positive");
        }
    }
}
