package dev.orchestrion.content.model;

import java.util.Locale;

/** What became of a schedule: still to come, carried out, missed (e.g. not approved in time) or cancelled. */
public enum ScheduleStatus {

    PENDING, DONE, MISSED, CANCELLED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScheduleStatus fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
