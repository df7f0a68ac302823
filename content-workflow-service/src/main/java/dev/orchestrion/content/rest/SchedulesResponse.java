package dev.orchestrion.content.rest;

import dev.orchestrion.content.model.Schedule;
import dev.orchestrion.content.model.Schedules;
import dev.orchestrion.content.model.Timestamps;

/**
 * An entry's schedules; each null when not set.
 */
public record SchedulesResponse(ScheduleView publish, ScheduleView unpublish) {

    /**
     * @param status {@code pending}, {@code done}, {@code missed} (e.g. the entry was not approved in time) or
     *        {@code cancelled}
     * @param settledAt when it was carried out, missed or cancelled
     */
    public record ScheduleView(String dateTime, String status, String settledAt) {

        static ScheduleView of(Schedule s) {
            return s == null
                    ? null
                    : new ScheduleView(Timestamps.format(s.dateTime()), s.status().json(),
                            Timestamps.format(s.settledAt()));
        }
    }

    public static SchedulesResponse of(Schedules s) {
        return new SchedulesResponse(ScheduleView.of(s.publish()), ScheduleView.of(s.unpublish()));
    }
}
