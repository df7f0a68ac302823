package dev.orchestrion.support.outbound;

/** An outbound call was refused before any connection: the target is not allowed, or not a usable URL or host. */
public final class RefusedTarget extends RuntimeException {

    public RefusedTarget(String message) {
        super(message, null, false, false);
    }
}
