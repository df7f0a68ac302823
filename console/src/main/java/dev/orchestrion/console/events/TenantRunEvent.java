package dev.orchestrion.console.events;

/** A run event and the tenant it belongs to (the only tenant whose sessions may see it). */
public record TenantRunEvent(String tenant, RunEventMessage message) {
}
