package dev.orchestrion.runner.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.model.WebhookSubscription;
import dev.orchestrion.runner.repository.WebhookSubscriptionRepository;
import dev.orchestrion.runner.rest.CreateWebhookRequest;
import dev.orchestrion.support.problem.ProblemException;

/** Webhook subscriptions of the caller's tenant. */
@ApplicationScoped
public class WebhookService {

    private final WebhookSubscriptionRepository subscriptions;

    public WebhookService(WebhookSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @WithTransaction
    public Uni<WebhookSubscription> create(String tenant, CreateWebhookRequest request) {
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.tenant = tenant;
        s.url = request.url();
        s.events = request.events().toArray(String[]::new);
        s.description = request.description();
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.updatedAt = s.createdAt;
        return subscriptions.persist(s);
    }

    @WithSession
    public Uni<WebhookSubscription> get(String tenant, UUID id) {
        return subscriptions.findInTenant(tenant, id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Webhook", id));
    }
}
