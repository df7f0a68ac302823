package dev.orchestrion.support.messaging;

/**
 * A failure that says "not now" rather than "never": a lost race, a peer or store that is briefly unavailable. A
 * consumer retries the record in place instead of dead-lettering it.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message) {
        super(message, null, false, false);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
