package dev.orchestrion.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The idle share of the whole machine over a measurement window, from the first ({@code cpu}, all cores) line of
 * {@code /proc/stat}, read when the window opens and when it closes: (idle + iowait ticks) / all ticks that passed.
 * Busy is user, nice, system, irq, softirq and steal; {@code guest} and {@code guest_nice} are left out of the total
 * because the kernel already counts them in user and nice. It covers every process on the machine (the platform,
 * the load generator and anything else running), which is the point: a run path bound by waits leaves the cores
 * idle, one bound by work does not.
 */
public final class CpuIdle {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** user nice system idle iowait irq softirq steal: the fields that make up the total (guest ones excluded). */
    private static final int COUNTED_FIELDS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    private CpuIdle() {
    }

    /** Cumulative ticks since boot: idle (with iowait) and total. */
    public record Sample(long idleTicks, long totalTicks) {
    }

    /** Reads {@code /proc/stat} now; null where there is none (not Linux), so that a result says "not measured". */
    public static Sample sample() {
        try {
            return parse(Files.readString(PROC_STAT));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The aggregate {@code cpu} line of a {@code /proc/stat} text. */
    public static Sample parse(String procStat) {
        for (String line : procStat.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (!fields[0].equals("cpu")) {
                continue;
            }
            if (fields.length < 1 + IDLE + 1) {
                throw new IllegalArgumentException("The cpu line of /proc/stat has too few fields: " + line);
            }
            long idle = 0;
            long total = 0;
            for (int i = 0; i < Math.min(COUNTED_FIELDS, fields.length - 1); i++) {
                long ticks = Long.parseLong(fields[i + 1]);
                total += ticks;
                if (i == IDLE || i == IOWAIT) {
                    idle += ticks;
                }
            }
            return new Sample(idle, total);
        }
        throw new IllegalArgumentException("No aggregate cpu line in /proc/stat");
    }

    /**
     * The idle share (0 to 1) between two samples; null when either is missing or no tick passed between them (a
     * window shorter than the kernel's tick cannot say).
     */
    public static Double share(Sample from, Sample to) {
        if (from == null || to == null) {
            return null;
        }
        long total = to.totalTicks() - from.totalTicks();
        if (total <= 0) {
            return null;
        }
        return (double) (to.idleTicks() - from.idleTicks()) / total;
    }
}
