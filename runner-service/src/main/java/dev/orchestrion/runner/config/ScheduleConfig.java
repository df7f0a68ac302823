package dev.orchestrion.runner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Schedule trigger settings ({@code orchestrion.runner.schedules.*}). */
@ConfigMapping(prefix = "orchestrion.runner.schedules")
public interface ScheduleConfig {

    /** How often each instance looks for due schedule ticks. */
    @WithDefault("PT1S")
    Duration tickInterval();

    /**
     * A tick found due later than this (the runners were down, or busy) counts as missed, and the schedule's
     * {@code missedFirings} decides: fired once on recovery, or skipped.
     */
    @WithDefault("PT1M")
    Duration missedAfter();

    /** A firing whose run could not be started yet (a peer was down) is tried again after this. */
    @WithDefault("PT10S")
    Duration pendingFiringRetry();
}
