package dev.orchestrion.runner.webhook.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.webhook.model.WebhookSubscription;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Uni<WebhookSubscription> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    public Uni<List<WebhookSubscription>> pageInTenant(String tenant, int page, int size) {
        return find("tenant", Sort.by("createdAt").and("id"), tenant).page(Page.of(page, size)).list();
    }

    public Uni<Long> countInTenant(String tenant) {
        return count("tenant", tenant);
    }
}
