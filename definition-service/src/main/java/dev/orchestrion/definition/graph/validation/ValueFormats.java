package dev.orchestrion.definition.graph.validation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;

/** The value formats definitions use (durations, instants, times, weekdays, zones, ids, cron, JSON Pointers). Pure. */
final class ValueFormats {

    /** A time of day, {@code HH:mm}. */
    static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private ValueFormats() {
    }

    /** Null, missing, a blank string or an empty list or object: as good as not set. */
    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.asText().isBlank()) || (value.isContainerNode() && value.isEmpty());
    }

    /** Whether a value is one of a parameter type ({@code string}, {@code number}, ..., {@code date}). */
    static boolean fitsType(String type, JsonNode value) {
        return switch (type == null ? "" : type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "date" -> value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
        };
    }

    static boolean isPositiveDuration(String text) {
        try {
            Duration duration = Duration.parse(text);
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** An ISO-8601 date-time with an offset. */
    static boolean parsesAsInstant(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code MONDAY} to {@code SUNDAY}, in capitals. */
    static boolean isWeekday(String text) {
        try {
            DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
            return text.equals(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An IANA time zone (or another id java.time knows). */
    static boolean isZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A UUID written as UUIDs print (case aside). */
    static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Why a five-field Unix cron expression is invalid, or empty. */
    static Optional<String> cronProblem(String cron) {
        try {
            CRON.parse(cron).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The unescaped segments of a JSON Pointer (RFC 6901), or null when it is not one. */
    static List<String> pointerSegments(String pointer) {
        if (pointer == null) {
            return null;
        }
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/") || pointer.matches(".*~([^01]|$).*")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }
}
