package dev.orchestrion.content.model;

import java.time.Instant;

/**
 * A publish or unpublish date of an entry and what became of it.
 *
 * @param settledAt when it was carried out, missed or cancelled
 */
public record Schedule(Instant dateTime, ScheduleStatus status, Instant settledAt) {

    public static Schedule pending(Instant dateTime) {
        return new Schedule(dateTime, ScheduleStatus.PENDING, null);
    }

    public boolean pending() {
        return status == ScheduleStatus.PENDING;
    }

    public boolean pendingAfter(Instant now) {
        return pending() && dateTime.isAfter(now);
    }

    public boolean dueAt(Instant now) {
        return pending() && !dateTime.isAfter(now);
    }

    public Schedule settled(ScheduleStatus newStatus, Instant at) {
        return new Schedule(dateTime, newStatus, at);
    }
}
