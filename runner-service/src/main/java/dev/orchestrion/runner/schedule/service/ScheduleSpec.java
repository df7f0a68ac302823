package dev.orchestrion.runner.schedule.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A schedule trigger (docs/node-types.md, "Triggers"): its ticks (five-field Unix cron in the schedule's time zone,
 * or every {@code interval} counted from an anchor), the optional window outside which ticks are skipped, and its
 * options. Pure: no clock of its own.
 */
public final class ScheduleSpec {

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime cron;
    private final Duration interval;
    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime from;
    private final LocalTime to;
    private final boolean singleInstance;
    private final boolean fireMissedOnce;

    private ScheduleSpec(ExecutionTime cron, Duration interval, ZoneId zone, Set<DayOfWeek> days, LocalTime from,
            LocalTime to, boolean singleInstance, boolean fireMissedOnce) {
        this.cron = cron;
        this.interval = interval;
        this.zone = zone;
        this.days = days;
        this.from = from;
        this.to = to;
        this.singleInstance = singleInstance;
        this.fireMissedOnce = fireMissedOnce;
    }

    /** Reads a schedule trigger; fails with IllegalArgumentException saying what is wrong. */
    public static ScheduleSpec parse(JsonNode trigger) {
        if (trigger == null || !"schedule".equals(trigger.path("kind").asText())) {
            throw new IllegalArgumentException("Not a schedule trigger: " + trigger);
        }
        String cronText = trigger.path("cron").asText("");
        String intervalText = trigger.path("interval").asText("");
        if (cronText.isBlank() == intervalText.isBlank()) {
            throw new IllegalArgumentException("A schedule needs exactly one of cron or interval");
        }
        ExecutionTime cron = null;
        Duration interval = null;
        if (!cronText.isBlank()) {
            cron = ExecutionTime.forCron(CRON.parse(cronText.trim()));
        } else {
            interval = Duration.parse(intervalText.trim());
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("interval must be positive: " + intervalText);
            }
        }
        ZoneId zone = ZoneId
                .of(trigger.path("timeZone").asText("UTC").isBlank() ? "UTC" : trigger.path("timeZone").asText("UTC"));
        JsonNode window = trigger.path("window");
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        LocalTime from = null;
        LocalTime to = null;
        if (window.isObject()) {
            from = LocalTime.parse(window.path("from").asText());
            to = LocalTime.parse(window.path("to").asText());
            if (window.path("days").isArray() && !window.path("days").isEmpty()) {
                days = EnumSet.noneOf(DayOfWeek.class);
                for (JsonNode day : window.path("days")) {
                    days.add(DayOfWeek.valueOf(day.asText().toUpperCase()));
                }
            }
        }
        String missed = trigger.path("missedFirings").asText("skip");
        return new ScheduleSpec(cron, interval, zone, days, from, to, trigger.path("singleInstance").asBoolean(false),
                "fire-once".equals(missed));
    }

    /** The first tick strictly after {@code t}. */
    public Instant nextAfter(Instant t, Instant anchor) {
        if (cron != null) {
            Optional<ZonedDateTime> next = cron.nextExecution(t.atZone(zone));
            return next.map(ZonedDateTime::toInstant).orElse(Instant.MAX);
        }
        if (t.isBefore(anchor)) {
            return anchor.plus(interval);
        }
        long k = Duration.between(anchor, t).toNanos() / interval.toNanos();
        return anchor.plus(interval.multipliedBy(k + 1));
    }

    /** The last tick at or before {@code t}, or null when there was none (since the anchor, for intervals). */
    public Instant latestAtOrBefore(Instant t, Instant anchor) {
        if (cron != null) {
            ZonedDateTime second = t.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
            if (second.getSecond() == 0 && cron.isMatch(second)) {
                return second.toInstant();
            }
            return cron.lastExecution(second).map(ZonedDateTime::toInstant).orElse(null);
        }
        if (t.isBefore(anchor.plus(interval))) {
            return null;
        }
        long k = Duration.between(anchor, t).toNanos() / interval.toNanos();
        return anchor.plus(interval.multipliedBy(k));
    }

    /** The tick before {@code tick}, or null (used to look back for a tick inside the window). */
    Instant previous(Instant tick, Instant anchor) {
        if (cron != null) {
            return cron.lastExecution(tick.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
        }
        Instant previous = tick.minus(interval);
        return previous.isBefore(anchor.plus(interval)) ? null : previous;
    }

    /** Whether a tick falls inside the window (always, without one). */
    public boolean inWindow(Instant tick) {
        ZonedDateTime local = tick.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        if (from == null || from.equals(to)) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    public boolean singleInstance() {
        return singleInstance;
    }

    public boolean fireMissedOnce() {
        return fireMissedOnce;
    }
}
