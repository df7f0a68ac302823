package dev.orchestrion.runner.trigger.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.orchestrion.runner.engine.expression.CelValues;
import dev.orchestrion.runner.engine.expression.Expressions;

/**
 * Evaluates event trigger filters: CEL conditions over {@code trigger} (what the run's expressions will see as
 * {@code trigger}) and {@code case} (the event's case, empty without one), with the engine's expressions.
 */
public final class TriggerFilters {

    private static final Pattern CASE_REFERENCE = Pattern.compile("\\bcase\\s*[.\\[]");

    private final Expressions expressions;

    public TriggerFilters(Expressions expressions) {
        this.expressions = expressions;
    }

    /** Whether the filter reads the case (then the case must be fetched before evaluating it). */
    public static boolean readsCase(String filter) {
        return filter != null && CASE_REFERENCE.matcher(filter).find();
    }

    /** Whether the event passes the filter (no filter: it does); fails with ExpressionException on a bad filter. */
    public boolean matches(String filter, Map<String, Object> trigger, Map<String, Object> caseData, Instant now) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        Map<String, Object> activation = new HashMap<>();
        activation.put("trigger", CelValues.toCel(trigger));
        activation.put("case", CelValues.toCel(caseData == null ? Map.of() : caseData));
        for (String empty : new String[]{"params", "vars", "nodes", "run"}) {
            activation.put(empty, CelValues.toCel(Map.of()));
        }
        activation.put("item", CelValues.toCel(null));
        activation.put("index", -1L);
        activation.put("now", CelValues.timestamp(now));
        return expressions.condition(filter, activation);
    }
}
