package dev.orchestrion.cases.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case event waiting to be published: written in the transaction of the change it describes, published by the
 * relay in {@code seq} order and deleted once Kafka has it. {@code eventId} becomes {@code ce_id}, so a redelivery
 * carries the same id. The payload names changed fields, never their values.
 */
@Entity
@Table(name = "case_outbox")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;

    public OutboxEvent() {
    }

    public OutboxEvent(UUID eventId, UUID caseId, String tenant, CaseEventType type, Instant occurredAt,
            String payload) {
        this.eventId = eventId;
        this.caseId = caseId;
        this.tenant = tenant;
        this.type = type.cloudEventType();
        this.occurredAt = occurredAt;
        this.payload = payload;
    }
}
