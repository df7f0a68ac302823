package dev.orchestrion.definition.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What starts runs of a definition (docs/node-types.md, "Triggers"); which fields apply depends on {@code kind}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(String kind, String eventType, String filter, String cron, String interval, String timeZone,
        TriggerWindow window, Boolean singleInstance, String missedFirings, String method, String path,
        String respondWith, String responseTimeout) {

    public static Trigger api() {
        return new Trigger("api", null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
