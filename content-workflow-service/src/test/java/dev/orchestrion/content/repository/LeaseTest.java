package dev.orchestrion.content.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.workflow.BuiltInWorkflows;
import dev.orchestrion.content.workflow.WorkflowMachine;

/**
 * The claims that make the scheduler and the relay safe with several instances: of many concurrent claims on one due
 * entry (or one outbox), exactly one wins until its lease expires. Runs on a database of its own so that this
 * instance's own scheduler and relay do not take part.
 */
@QuarkusTest
class LeaseTest {

    private static final int INSTANCES = 6;

    @Inject
    ReactiveMongoClient mongo;

    @Test
    void exactlyOneInstanceClaimsADueEntryUntilTheLeaseExpires() {
        EntryRepository repository = new EntryRepository(mongo, "lease-" + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = stored(repository, now);
        Entry scheduled = repository
                .apply(entry, EntryChanges.schedule(entry, machine(), true, now.plusMillis(50), now), now, false)
                .await().indefinitely();
        Instant due = now.plusSeconds(1);

        List<Entry> claims = race(() -> repository.claimDue(due, Duration.ofMillis(500)));
        assertThat(claims).filteredOn(Objects::nonNull).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(scheduled.id()));
        assertThat(repository.claimDue(due.plusMillis(100), Duration.ofMillis(500)).await().indefinitely()).isNull();
        assertThat(repository.claimDue(due.plusMillis(600), Duration.ofMillis(500)).await().indefinitely())
                .as("after the lease expired another instance may take over").isNotNull();
    }

    @Test
    void exactlyOneRelayClaimsAnOutbox() {
        EntryRepository repository = new EntryRepository(mongo, "lease-" + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = stored(repository, now);
        String document = EntryRepository.documentId(entry.tenant(), entry.id());
        assertThat(repository.outboxesToRelay(now, 10).await().indefinitely()).containsExactly(document);

        List<EntryRepository.ClaimedOutbox> claims = race(
                () -> repository.claimOutbox(document, now, Duration.ofSeconds(30)));
        EntryRepository.ClaimedOutbox claim = claims.stream().filter(Objects::nonNull).reduce((a, b) -> {
            throw new AssertionError("two relays claimed one outbox");
        }).orElseThrow();
        assertThat(claim.events()).hasSize(1);
        assertThat(claim.versions()).hasSize(1);
        assertThat(claim.history()).hasSize(1);
        assertThat(repository.outboxesToRelay(now, 10).await().indefinitely()).as("claimed, so not swept").isEmpty();
        assertThat(repository.completeOutbox(claim, claim.itemIds(), true).await().indefinitely()).isFalse();
        assertThat(repository.outboxesToRelay(now.plusSeconds(60), 10).await().indefinitely()).isEmpty();
        assertThat(repository.claimOutbox(document, now.plusSeconds(60), Duration.ofSeconds(30)).await().indefinitely())
                .isNull();
    }

    private static Entry stored(EntryRepository repository, Instant now) {
        ContentType type = new ContentType("leases", "post", "id", "Posts", "basic",
                List.of(new ContentField("title", null, "text", true, null)), 1, now, now, false);
        EntryChange created = EntryChanges.create("leases", UUID.randomUUID().toString(), type, machine(),
                JsonNodeFactory.instance.objectNode().put("title", "Leased"), "tester", now);
        return repository.insert(created, now).await().indefinitely();
    }

    private static WorkflowMachine machine() {
        return new WorkflowMachine(BuiltInWorkflows.find("basic").orElseThrow());
    }

    private static <T> List<T> race(java.util.function.Supplier<Uni<T>> claim) {
        List<Uni<T>> claims = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            claims.add(claim.get());
        }
        return Uni.join().all(claims).andCollectFailures().await().atMost(Duration.ofSeconds(30));
    }
}
