package dev.orchestrion.runner.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many runs match a search, in all and by status.
 *
 * @param byStatus every status, in the enum's order, with its count (zero included)
 */
public record RunCounts(long total, Map<RunStatus, Long> byStatus) {

    /** The counts found, with the statuses that had none counted as zero. */
    public static RunCounts of(Map<RunStatus, Long> found) {
        Map<RunStatus, Long> all = new EnumMap<>(RunStatus.class);
        long total = 0;
        for (RunStatus status : RunStatus.values()) {
            long count = found.getOrDefault(status, 0L);
            all.put(status, count);
            total += count;
        }
        return new RunCounts(total, Collections.unmodifiableMap(all));
    }
}
