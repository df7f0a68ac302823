package dev.orchestrion.runner.engine.expression;

/** An expression that does not compile, or fails or yields the wrong type when evaluated. */
public class ExpressionException extends RuntimeException {

    public ExpressionException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExpressionException(String message) {
        super(message);
    }
}
