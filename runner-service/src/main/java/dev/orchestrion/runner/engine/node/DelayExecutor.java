package dev.orchestrion.runner.engine.node;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * Parks the run until a moment: after a duration, until an instant, until the next given weekday (at a time of
 * day), or until the next time of day, in the node's time zone. A moment already past continues at once.
 */
public class DelayExecutor implements NodeExecutor {

    @Override
    public String type() {
        return "delay";
    }

    @Override
    public NodeKind kind() {
        return NodeKind.WAIT;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        Instant until = until(context);
        if (!until.isAfter(context.now())) {
            return NodeResult.next(Map.of("resumedAt", context.now().toString()));
        }
        return NodeResult.Waiting.timer(until);
    }

    static Instant until(NodeContext context) {
        String mode = context.text("mode", "duration");
        ZoneId zone = ZoneId.of(context.text("timeZone", "UTC"));
        Instant now = context.now();
        return switch (mode) {
            case "duration" -> now.plus(Duration.parse(context.text("duration", "PT0S")));
            case "until" -> parseInstant(context);
            case "weekday" -> {
                DayOfWeek day = DayOfWeek.valueOf(context.text("weekday", "MONDAY"));
                LocalTime time = LocalTime.parse(context.text("time", "00:00"));
                ZonedDateTime local = now.atZone(zone);
                ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(day)).with(time);
                yield (candidate.isAfter(local) ? candidate : candidate.with(TemporalAdjusters.next(day))).toInstant();
            }
            case "timeOfDay" -> {
                LocalTime time = LocalTime.parse(context.text("time", "00:00"));
                ZonedDateTime local = now.atZone(zone);
                ZonedDateTime candidate = local.with(time);
                yield (candidate.isAfter(local) ? candidate : candidate.plusDays(1)).toInstant();
            }
            default -> throw new IllegalArgumentException("Unknown delay mode " + mode);
        };
    }

    private static Instant parseInstant(NodeContext context) {
        String raw = context.raw("until") != null && context.raw("until").isTextual()
                ? context.raw("until").asText()
                : null;
        String value;
        if (raw != null && !raw.isBlank() && Character.isDigit(raw.trim().charAt(0))) {
            value = (String) context.record("until", raw.trim());
        } else {
            Object evaluated = context.expression("until");
            value = evaluated == null ? null : String.valueOf(evaluated);
        }
        if (value == null) {
            throw new IllegalArgumentException("A delay until an instant needs 'until'");
        }
        return OffsetDateTime.parse(value).toInstant();
    }
}
