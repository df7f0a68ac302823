package dev.orchestrion.runner.outbound;

/**
 * A failure an outbound call raises with its own retry kind and code (an HTTP status outside the expected ones, a
 * token endpoint's refusal, an answer too large).
 */
public final class CallFailure extends RuntimeException {

    private final String kind;
    private final String code;

    public CallFailure(String message, String kind, String code) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public String kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
