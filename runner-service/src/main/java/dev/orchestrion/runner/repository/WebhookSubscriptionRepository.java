package dev.orchestrion.runner.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.model.WebhookSubscription;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Uni<WebhookSubscription> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }
}
