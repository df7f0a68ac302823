package dev.orchestrion.runner.trigger.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps event triggers from missing a workflow that was started just before the event: the trigger registry is
 * built by its own consumer group from {@code workflow.definition-events}, so an event could otherwise reach the
 * trigger consumer before the registry has heard that its workflow is active, and be dropped.
 * <p>
 * Before a batch of triggering events is handled, {@link #awaitRegistry()} takes the end offsets of
 * {@code workflow.definition-events} (every definition change published before now) and waits until the registry's
 * group has committed up to them. The registry group commits after each batch, so the wait is the registry's real
 * progress; it is bounded, and on timeout the events are handled with what the registry knows (logged).
 */
@ApplicationScoped
public class TriggerRegistryCatchUp {

    private static final Logger LOG = Logger.getLogger(TriggerRegistryCatchUp.class);
    private static final String DEFINITION_EVENTS = "workflow.definition-events";

    private final Admin admin;
    private final String registryGroup;
    private final Duration patience;

    public TriggerRegistryCatchUp(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.trigger-registry.group.id") String registryGroup,
            @ConfigProperty(name = "orchestrion.runner.triggers.registry-catch-up", defaultValue = "PT10S") Duration patience) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "runner-trigger-catch-up-" + ProcessHandle.current().pid());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(props);
        this.registryGroup = registryGroup;
        this.patience = patience;
    }

    /** Completes once the registry has applied every definition event published before the call (or on timeout). */
    public Uni<Void> awaitRegistry() {
        return Uni.createFrom().item(this::waitBlocking).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    private boolean waitBlocking() {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            Map<TopicPartition, Long> target = endOffsets();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(registryGroup)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                boolean caughtUp = target.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata done = committed.get(e.getKey());
                    return e.getValue() == 0 || done != null && done.offset() >= e.getValue();
                });
                if (caughtUp) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warnf("The trigger registry has not caught up with %s after %s; handling events with what it"
                            + " knows", DEFINITION_EVENTS, patience);
                    return false;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Could not compare the trigger registry with %s (%s); handling events with what it knows",
                    DEFINITION_EVENTS, e.getMessage());
            return false;
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(DEFINITION_EVENTS)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(DEFINITION_EVENTS).partitions().stream()
                .map(p -> new TopicPartition(DEFINITION_EVENTS, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get(5,
                TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
