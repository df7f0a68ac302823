package dev.orchestrion.content.model;

import java.time.Instant;

/** An entry's publish and unpublish schedules (either may be null). */
public record Schedules(Schedule publish, Schedule unpublish) {

    public static final Schedules NONE = new Schedules(null, null);

    public Schedules withPublish(Schedule schedule) {
        return new Schedules(schedule, unpublish);
    }

    public Schedules withUnpublish(Schedule schedule) {
        return new Schedules(publish, schedule);
    }

    /** The earliest pending date, which the scheduler looks for; null when nothing is pending. */
    public Instant nextDueAt() {
        Instant next = null;
        for (Schedule schedule : new Schedule[]{publish, unpublish}) {
            if (schedule != null && schedule.pending() && (next == null || schedule.dateTime().isBefore(next))) {
                next = schedule.dateTime();
            }
        }
        return next;
    }
}
