package dev.orchestrion.runner.schedule.service;

import java.time.Duration;
import java.time.Instant;

/**
 * What a due schedule does now: fire one tick (or none), and when it is due next. A tick due no longer ago than
 * {@code missedAfter} fires on time; older ones were missed (all runners down or stalled): with
 * {@code missedFirings: fire-once} they become one firing on recovery, with {@code skip} none. Ticks outside the
 * window never fire. Pure, so every instance decides the same.
 *
 * @param tick the tick that fires, or null
 * @param missed whether that firing stands for missed ticks
 * @param nextFireAt the first tick after now
 */
public record FiringDecision(Instant tick, boolean missed, Instant nextFireAt) {

    private static final int MAX_LOOK_BACK = 10_000;

    public static FiringDecision decide(ScheduleSpec spec, Instant anchor, Instant nextFireAt, Instant now,
            Duration missedAfter) {
        Instant next = spec.nextAfter(now, anchor);
        Instant latest = spec.latestAtOrBefore(now, anchor);
        if (latest == null || latest.isBefore(nextFireAt)) {
            return new FiringDecision(null, false, next);
        }
        boolean onTime = !latest.isBefore(now.minus(missedAfter));
        if (onTime) {
            return new FiringDecision(spec.inWindow(latest) ? latest : null, false, next);
        }
        if (!spec.fireMissedOnce()) {
            return new FiringDecision(null, true, next);
        }
        Instant candidate = latest;
        for (int i = 0; candidate != null && !candidate.isBefore(nextFireAt) && i < MAX_LOOK_BACK; i++) {
            if (spec.inWindow(candidate)) {
                return new FiringDecision(candidate, true, next);
            }
            candidate = spec.previous(candidate, anchor);
        }
        return new FiringDecision(null, true, next);
    }
}
