package dev.orchestrion.runner.trigger.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.events.CloudEvents;
import dev.orchestrion.runner.trigger.model.BusinessEvent;
import dev.orchestrion.runner.trigger.model.PublishedEvent;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Publishes business events to {@code workflow.trigger-events} (TriggerEvent, keyed {@code tenant:eventType}), where
 * the trigger consumer picks them up like any outside producer's. Answers once Kafka has acknowledged the event.
 */
@ApplicationScoped
public class TriggerEventPublisher {

    public static final String TOPIC = "workflow.trigger-events";
    public static final String TYPE = "dev.orchestrion.trigger.event";

    private final RecordProducer producer;
    private final CaseDirectory cases;

    public TriggerEventPublisher(RecordProducer producer, CaseDirectory cases) {
        this.producer = producer;
        this.cases = cases;
    }

    public Uni<PublishedEvent> publish(String tenant, BusinessEvent event) {
        String type = event.type();
        if (type.startsWith("case.") || type.startsWith("entry.")) {
            throw ProblemException.validation("type",
                    "case.* and entry.* are the platform's own event types; name business events otherwise");
        }
        return requireCase(tenant, event.caseId()).chain(() -> send(tenant, event));
    }

    /** A named case must be the tenant's and not erased; otherwise no run could start for it. */
    private Uni<Void> requireCase(String tenant, UUID caseId) {
        if (caseId == null) {
            return Uni.createFrom().voidItem();
        }
        return cases.status(tenant, caseId.toString()).invoke(status -> {
            switch (status) {
                case UNKNOWN -> throw unprocessableCase("no case " + caseId + " in your tenant");
                case ERASED -> throw unprocessableCase("case " + caseId + " has been erased");
                case ACTIVE -> {
                }
            }
        }).replaceWithVoid();
    }

    private static ProblemException unprocessableCase(String message) {
        return ProblemException.unprocessable("caseId: " + message, List.of(new Problem.FieldError("caseId", message)));
    }

    private Uni<PublishedEvent> send(String tenant, BusinessEvent event) {
        String type = event.type();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventType", type);
        data.put("tenant", tenant);
        data.put("caseId", event.caseId() == null ? null : event.caseId().toString());
        data.put("data", event.data() == null ? Map.of() : event.data());
        if (event.source() != null) {
            data.put("source", event.source());
        }
        data.put("occurredAt", now.toString());
        return producer.send(List.of(CloudEvents.record(TOPIC, tenant + ":" + type, id, TYPE, now, type, tenant, data)))
                .onFailure()
                .transform(e -> ProblemException
                        .unavailable("The event could not be published (" + e.getMessage() + "); try again shortly"))
                .replaceWith(new PublishedEvent(id, type, now));
    }
}
