package dev.orchestrion.content.rest;

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
    }
}
