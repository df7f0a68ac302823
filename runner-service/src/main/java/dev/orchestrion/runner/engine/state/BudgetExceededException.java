package dev.orchestrion.runner.engine.state;

/** A node produced more data than its run may hold; {@code code} says which budget it exceeded. */
public final class BudgetExceededException extends RuntimeException {

    private final String code;

    BudgetExceededException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
