package dev.orchestrion.runner.schedule.model;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A definition that is ACTIVE with a schedule trigger, as the schedules need it: the pinned published version and
 * its trigger ({@code ScheduleSpec} reads it).
 */
public record ActiveSchedule(UUID definitionId, String tenant, int version, JsonNode trigger) {
}
