package dev.orchestrion.definition.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.definition.repository.DefinitionRepository;
import dev.orchestrion.definition.repository.PriorityRepository;

/**
 * Periodically relays every outbox that still holds events: those of changes whose immediate relay failed (Kafka
 * down) or never ran (the service stopped between the write and the relay).
 */
@ApplicationScoped
public class OutboxSweep {

    private static final Logger LOG = Logger.getLogger(OutboxSweep.class);
    private static final List<String> COLLECTIONS = List.of(DefinitionRepository.COLLECTION,
            PriorityRepository.COLLECTION);

    private final OutboxRelay relay;
    private final ReactiveMongoClient mongo;
    private final String database;

    public OutboxSweep(OutboxRelay relay, ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.relay = relay;
        this.mongo = mongo;
        this.database = database;
    }

    @Scheduled(every = "${orchestrion.outbox.sweep-interval:5s}", delayed = "${orchestrion.outbox.sweep-delay:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Multi.createFrom().iterable(COLLECTIONS).onItem().transformToUniAndConcatenate(collection -> mongo
                .getDatabase(database).getCollection(collection)
                .find(Filters.exists("outbox.0"), new FindOptions().projection(Projections.include("_id")).limit(500))
                .map(document -> document.getString("_id")).onItem()
                .transformToUniAndConcatenate(id -> relay.relay(collection, id).onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Outbox of %s/%s still pending: %s", collection, id, failure.getMessage());
                    return null;
                })).collect().asList()).collect().asList().replaceWithVoid();
    }

    /** For tests and operators: relays everything pending now. */
    public Uni<Void> sweepNow() {
        return sweep();
    }

}
