package dev.orchestrion.runner.webhook.model;

import java.time.Instant;
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
 * the previous secret still verifies until {@code previousSecretExpiresAt}. Both secrets are stored encrypted
 * ({@code SigningSecretCipher}, owner {@link SigningSecrets#subscriptionOwner}); they are never returned after the
 * answer that created them.
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
}
