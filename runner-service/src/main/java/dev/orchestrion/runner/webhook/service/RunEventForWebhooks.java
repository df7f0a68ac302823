package dev.orchestrion.runner.webhook.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.json.Json;

/** A run event that webhooks may carry: its stable id, the tenant, the webhook event type and the event's data. */
public record RunEventForWebhooks(UUID eventId, String tenant, String type, UUID runId, String occurredAt,
        Map<String, Object> data, String traceparent) {

    /** Whether the event happened before {@code instant} (a subscription made later does not receive it). */
    public boolean before(java.time.Instant instant) {
        try {
            return java.time.Instant.parse(occurredAt).isBefore(instant);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The webhook body (Standard Webhooks' {@code type}, {@code timestamp}, {@code data}, plus the event id): the
     * run id, case id, definition id and version, status, result or error, and timestamps are in {@code data}.
     */
    public String body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", type);
        body.put("timestamp", occurredAt);
        body.put("data", data);
        return Json.write(body);
    }
}
