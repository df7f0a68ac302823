package dev.orchestrion.runner.webhook.model;

/** Where a webhook delivery stands: waiting for (another) attempt, delivered, or dead-lettered after its last attempt. */
public enum DeliveryStatus {

    PENDING, SUCCEEDED, DEAD;

    public boolean isFinished() {
        return this != PENDING;
    }
}
