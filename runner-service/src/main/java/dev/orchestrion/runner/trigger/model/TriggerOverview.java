package dev.orchestrion.runner.trigger.model;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.runner.schedule.model.Firing;

/**
 * A registered trigger with what its schedule says now: the next tick, and the latest firings when they were asked
 * for (null otherwise). Both are null for triggers that are not schedules.
 */
public record TriggerOverview(RegisteredTrigger trigger, Instant nextFireAt, List<Firing> firings) {
}
