package dev.orchestrion.content.rest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT .../schedules/publish|unpublish}: an ISO-8601 date-time in the future. */
public record ScheduleRequest(@NotNull OffsetDateTime dateTime) {
}
