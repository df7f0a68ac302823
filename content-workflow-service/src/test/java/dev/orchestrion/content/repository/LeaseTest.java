package dev.orchestrion.content.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.mongodb.client.model.Filters;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.workflow.BuiltInWorkflows;
import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.support.messaging.OutgoingRecord;
import dev.orchestrion.support.outbox.DocumentOutbox;
import dev.orchestrion.support.outbox.OutboxStore;
import dev.orchestrion.support.outbox.PendingEntry;

/**
 * The claims that make the scheduler and the relay safe with several instances: of many concurrent claims on one due
 * entry (or one outbox, through the shared document outbox adapter), exactly one wins until its lease expires. Runs on a database of its own so that this
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
    void exactlyOneRelayClaimsAnOutboxAndEmptiesIt() {
        String database = "lease-" + UUID.randomUUID();
        EntryRepository repository = new EntryRepository(mongo, database);
        EntryOutbox entries = new EntryOutbox(mongo, database, new EntryVersionRepository(mongo, database),
                new EntryHistoryRepository(mongo, database));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = stored(repository, now);
        // The winner publishes only once every other relay has finished its round: two winners would wait forever.
        CountDownLatch othersDone = new CountDownLatch(INSTANCES - 1);
        List<List<String>> read = Collections.synchronizedList(new ArrayList<>());

        List<OutboxStore.Round> rounds = race(() -> {
            DocumentOutbox outbox = outbox(entries);
            return outbox.relayRound(10, true, pending -> {
                read.add(pending.stream().map(e -> e.id().itemId()).toList());
                return Uni.createFrom().item(() -> {
                    await(othersDone);
                    return pending.stream().map(PendingEntry::id).collect(Collectors.toSet());
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }).invoke(round -> {
                if (round.read() == 0) {
                    othersDone.countDown();
                }
            });
        });

        assertThat(read).as("one relay read the outbox").singleElement().satisfies(items -> {
            assertThat(items).hasSize(3);
            assertThat(items.get(0)).as("records first").startsWith("version-");
            assertThat(items.get(1)).startsWith("history-");
        });
        assertThat(rounds).filteredOn(round -> round.read() == 3).singleElement()
                .satisfies(round -> assertThat(round.published()).isEqualTo(3));
        Document stored = entries.collection()
                .find(Filters.eq("_id", EntryRepository.documentId(entry.tenant(), entry.id()))).collect().first()
                .await().atMost(Duration.ofSeconds(10));
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.get("outboxSince")).as("an empty outbox is unmarked").isNull();
        assertThat(stored.get("relayLease")).as("the claim is given up").isNull();
        assertThat(repository.find(entry.tenant(), entry.id()).await().indefinitely().pendingVersions()).isEmpty();
        assertThat(
                new EntryVersionRepository(mongo, database).find(entry.tenant(), entry.id(), 1).await().indefinitely())
                .as("the version was copied out before the events went").isNotNull();
        assertThat(outbox(entries).relayRound(10, true, pending -> {
            throw new AssertionError("nothing is left to publish");
        }).await().indefinitely().read()).isZero();
    }

    private static DocumentOutbox outbox(EntryOutbox entries) {
        return new DocumentOutbox(List.of(entries.collection()), EntryOutbox.layout(Duration.ofSeconds(30)),
                new DocumentOutbox.Items() {

                    @Override
                    public List<OutgoingRecord> records(Document item) {
                        return List.of();
                    }

                    @Override
                    public Uni<Void> prepare(String collection, Document document) {
                        return entries.copyOutRecords(document);
                    }
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("another relay is still at the outbox: two claimed it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
