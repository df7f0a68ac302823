package dev.orchestrion.runner.webhook.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The secrets that sign a target's deliveries, as stored (encrypted; clear only if written before secrets were
 * encrypted), and their owner: the associated data they are encrypted with, so that a value copied to another row
 * does not decrypt. The current secret first, then the previous one during its grace period.
 */
public record SigningSecrets(String owner, List<String> stored) {

    public static final SigningSecrets NONE = new SigningSecrets("", List.of());

    public SigningSecrets {
        stored = List.copyOf(stored);
    }

    /** The owner of a subscription's secrets. */
    public static String subscriptionOwner(UUID subscriptionId) {
        return "webhook_subscriptions/" + subscriptionId;
    }

    /** The owner of a tenant's run-callback secrets. */
    public static String callbackOwner(String tenant) {
        return "webhook_callback_secrets/" + tenant;
    }

    /** The current secret, and the previous one while its grace period lasts. */
    public static SigningSecrets of(String owner, String current, String previous, Instant previousExpiresAt,
            Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(current);
        if (previous != null && previousExpiresAt != null && previousExpiresAt.isAfter(now)) {
            secrets.add(previous);
        }
        return new SigningSecrets(owner, secrets);
    }

    public boolean isEmpty() {
        return stored.isEmpty();
    }
}
