package dev.orchestrion.runner.webhook.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's wish to receive some run events at a URL, signed with its secret (Standard Webhooks). After a rotation
 * the previous secret still verifies until {@code previousSecretExpiresAt}.
 */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] events;

    public String description;

    @Column(nullable = false)
    public String secret;

    public String previousSecret;

    public Instant previousSecretExpiresAt;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The secrets a receiver may verify with now: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        return SigningSecrets.of(secret, previousSecret, previousSecretExpiresAt, now);
    }

    /** Which secrets sign a delivery. */
    public static final class SigningSecrets {

        private SigningSecrets() {
        }

        public static List<String> of(String current, String previous, Instant previousExpiresAt, Instant now) {
            List<String> secrets = new ArrayList<>(2);
            secrets.add(current);
            if (previous != null && previousExpiresAt != null && previousExpiresAt.isAfter(now)) {
                secrets.add(previous);
            }
            return secrets;
        }
    }
}
