package dev.orchestrion.content.workflow;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.orchestrion.content.model.workflow.InvokableCondition;

/**
 * Evaluates {@code invokableWhen} conditions: a function of the entry ({@code isScheduledForPublish()},
 * {@code isScheduledForUnpublish()}, {@code isPublished()}) or a dotted path into its fields, compared with
 * {@code equalTo} or {@code notEqualTo}.
 */
public final class InvokableConditions {

    public static final Set<String> FUNCTIONS = Set.of("isScheduledForPublish()", "isScheduledForUnpublish()",
            "isPublished()");
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private InvokableConditions() {
    }

    /** Why a condition is not well-formed, or null when it is. */
    public static String problem(InvokableCondition condition) {
        if (condition.field() == null || condition.field().isBlank()) {
            return "field is required";
        }
        if (condition.field().endsWith("()") && !FUNCTIONS.contains(condition.field())) {
            return "unknown function " + condition.field() + "; known: " + FUNCTIONS.stream().sorted().toList();
        }
        if (!condition.field().endsWith("()") && !FIELD_PATH.matcher(condition.field()).matches()) {
            return "field must be a function or a dotted field path";
        }
        if ((condition.equalTo() == null) == (condition.notEqualTo() == null)) {
            return "exactly one of equalTo and notEqualTo is required";
        }
        return null;
    }

    public static boolean holds(InvokableCondition condition, EntryContext entry) {
        JsonNode actual = value(condition.field(), entry);
        if (condition.equalTo() != null) {
            return same(actual, condition.equalTo());
        }
        return !same(actual, condition.notEqualTo());
    }

    /** A readable form for error messages, e.g. {@code isScheduledForPublish() == true}. */
    public static String describe(InvokableCondition condition) {
        return condition.equalTo() != null
                ? condition.field() + " == " + condition.equalTo()
                : condition.field() + " != " + condition.notEqualTo();
    }

    private static JsonNode value(String field, EntryContext entry) {
        switch (field) {
            case "isScheduledForPublish()" :
                return BooleanNode.valueOf(entry.scheduledForPublish());
            case "isScheduledForUnpublish()" :
                return BooleanNode.valueOf(entry.scheduledForUnpublish());
            case "isPublished()" :
                return BooleanNode.valueOf(entry.hasPublicVersion());
            default :
                JsonNode node = entry.data() == null ? MissingNode.getInstance() : entry.data();
                for (String part : field.split("\\.")) {
                    node = node.path(part);
                }
                return node;
        }
    }

    private static boolean same(JsonNode actual, JsonNode expected) {
        boolean actualAbsent = actual == null || actual.isMissingNode() || actual.isNull();
        if (expected.isNull()) {
            return actualAbsent;
        }
        if (actualAbsent) {
            return false;
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
