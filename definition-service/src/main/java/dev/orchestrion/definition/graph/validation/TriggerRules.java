package dev.orchestrion.definition.graph.validation;

import java.util.Set;
import java.util.regex.Pattern;

import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Trigger;

/** What each kind of trigger needs: an event type, a schedule (cron or interval), or an HTTP method and path. */
final class TriggerRules {

    private static final Pattern HOOK_PATH = Pattern.compile("[A-Za-z0-9._~{}-]+(/[A-Za-z0-9._~{}-]+)*");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final ExpressionCompiler expressions;
    private final Incidents incidents;

    TriggerRules(ExpressionCompiler expressions, Incidents incidents) {
        this.expressions = expressions;
        this.incidents = incidents;
    }

    void check(Trigger t) {
        String kind = t.kind() == null ? "api" : t.kind();
        switch (kind) {
            case "api" -> {
            }
            case "event" -> {
                if (t.eventType() == null || t.eventType().isBlank()) {
                    invalid("eventType", "An event trigger needs an eventType");
                }
                if (t.filter() != null) {
                    expressions.checkExpression(t.filter())
                            .ifPresent(problem -> incidents.add(IncidentCode.INVALID_EXPRESSION, null, "trigger.filter",
                                    "The trigger filter does not compile: " + problem));
                }
            }
            case "schedule" -> checkSchedule(t);
            case "http" -> {
                if (t.method() == null || !HTTP_METHODS.contains(t.method())) {
                    invalid("method", "An http trigger needs a method, one of " + HTTP_METHODS);
                }
                if (t.path() == null || !HOOK_PATH.matcher(t.path()).matches()) {
                    invalid("path", "An http trigger needs a path template such as orders/{orderId}");
                }
                if (t.respondWith() != null && !Set.of("accepted", "result").contains(t.respondWith())) {
                    invalid("respondWith", "respondWith must be accepted or result");
                }
                if (t.responseTimeout() != null && !ValueFormats.isPositiveDuration(t.responseTimeout())) {
                    invalid("responseTimeout", "responseTimeout must be a positive ISO-8601 duration");
                }
            }
            default -> invalid("kind", "Unknown trigger kind " + kind);
        }
    }

    private void checkSchedule(Trigger t) {
        boolean hasCron = t.cron() != null && !t.cron().isBlank();
        boolean hasInterval = t.interval() != null && !t.interval().isBlank();
        if (hasCron == hasInterval) {
            invalid("cron", "A schedule needs exactly one of cron or interval");
        }
        if (hasCron) {
            ValueFormats.cronProblem(t.cron())
                    .ifPresent(problem -> invalid("cron", "Invalid cron " + t.cron() + ": " + problem));
        }
        if (hasInterval && !ValueFormats.isPositiveDuration(t.interval())) {
            invalid("interval", "interval must be a positive ISO-8601 duration such as PT15M");
        }
        if (t.timeZone() != null && !ValueFormats.isZone(t.timeZone())) {
            invalid("timeZone", "Unknown time zone " + t.timeZone());
        }
        if (t.window() != null) {
            if (t.window().from() == null || !ValueFormats.TIME.matcher(t.window().from()).matches()) {
                invalid("window.from", "window.from must be a time as HH:mm");
            }
            if (t.window().to() == null || !ValueFormats.TIME.matcher(t.window().to()).matches()) {
                invalid("window.to", "window.to must be a time as HH:mm");
            }
            if (t.window().days() != null) {
                for (String day : t.window().days()) {
                    if (!ValueFormats.isWeekday(day)) {
                        invalid("window.days", "Unknown weekday " + day);
                    }
                }
            }
        }
        if (t.missedFirings() != null && !Set.of("fire-once", "skip").contains(t.missedFirings())) {
            invalid("missedFirings", "missedFirings must be fire-once or skip");
        }
    }

    private void invalid(String field, String message) {
        incidents.add(IncidentCode.INVALID_TRIGGER, null, "trigger." + field, message);
    }
}
