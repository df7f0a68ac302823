package dev.orchestrion.content.workflow;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.model.workflow.ParameterValidations;
import dev.orchestrion.support.domain.FieldViolation;

/**
 * Checks the {@code data} sent with an event against the event's parameters, answering each failure with the
 * definition's own localized message where it has one. {@code message} is always accepted: it is the audit message.
 */
public final class ParameterValidator {

    public static final String MESSAGE = "message";
    public static final Set<String> DATA_TYPES = Set.of("string", "integer", "number", "boolean", "dateTime", "object",
            "array");

    private ParameterValidator() {
    }

    public static List<FieldViolation> problems(List<EventParameter> parameters, JsonNode data) {
        List<FieldViolation> problems = new ArrayList<>();
        if (data != null && !data.isNull() && !data.isObject()) {
            problems.add(new FieldViolation("data", "must be an object"));
            return problems;
        }
        boolean messageDeclared = parameters.stream().anyMatch(p -> MESSAGE.equals(p.id()));
        if (data != null && data.isObject()) {
            for (Iterator<String> names = data.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (parameters.stream().noneMatch(p -> name.equals(p.id())) && !MESSAGE.equals(name)) {
                    problems.add(new FieldViolation("data." + name, "is not a parameter of this event"));
                }
            }
            if (!messageDeclared) {
                JsonNode message = data.path(MESSAGE);
                if (!message.isMissingNode() && !message.isNull() && !message.isTextual()) {
                    problems.add(new FieldViolation("data.message", "must be a string"));
                }
            }
        }
        for (EventParameter parameter : parameters) {
            JsonNode value = data == null ? null : data.get(parameter.id());
            problems.addAll(check(parameter, value));
        }
        return problems;
    }

    private static List<FieldViolation> check(EventParameter parameter, JsonNode value) {
        String field = "data." + parameter.id();
        ParameterValidations validations = parameter.validations();
        boolean absent = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
        if (absent) {
            if (validations != null && validations.requiresValue()) {
                return List
                        .of(new FieldViolation(field, Localized.text(validations.required().message(), "is required")));
            }
            return List.of();
        }
        String typeProblem = typeProblem(parameter.dataType(), value);
        if (typeProblem != null) {
            return List.of(new FieldViolation(field, typeProblem));
        }
        if (validations == null) {
            return List.of();
        }
        List<FieldViolation> problems = new ArrayList<>();
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            ParameterValidations.Length min = validations.minLength();
            if (min != null && min.value() != null && length < min.value()) {
                problems.add(new FieldViolation(field,
                        Localized.text(min.message(), "must be at least " + min.value() + " characters")));
            }
            ParameterValidations.Length max = validations.maxLength();
            if (max != null && max.value() != null && length > max.value()) {
                problems.add(new FieldViolation(field,
                        Localized.text(max.message(), "must be at most " + max.value() + " characters")));
            }
            ParameterValidations.Regex regex = validations.regex();
            if (regex != null && regex.pattern() != null && !matches(regex.pattern(), value.asText())) {
                problems.add(
                        new FieldViolation(field, Localized.text(regex.message(), "must match " + regex.pattern())));
            }
        }
        ParameterValidations.AllowedValues allowed = validations.allowedValues();
        if (allowed != null && allowed.values() != null && allowed.values().stream().noneMatch(value::equals)) {
            problems.add(
                    new FieldViolation(field, Localized.text(allowed.message(), "must be one of " + allowed.values())));
        }
        return problems;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String typeProblem(String dataType, JsonNode value) {
        if (dataType == null) {
            return null;
        }
        return switch (dataType) {
            case "string" -> value.isTextual() ? null : "must be a string";
            case "integer" -> value.isIntegralNumber() ? null : "must be an integer";
            case "number" -> value.isNumber() ? null : "must be a number";
            case "boolean" -> value.isBoolean() ? null : "must be true or false";
            case "object" -> value.isObject() ? null : "must be an object";
            case "array" -> value.isArray() ? null : "must be an array";
            case "dateTime" -> isDateTime(value) ? null : "must be an ISO-8601 date-time";
            default -> null;
        };
    }

    private static boolean isDateTime(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.asText());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The invoker's message, if {@code data.message} is a non-blank string. */
    public static String message(JsonNode data) {
        if (data == null || !data.path(MESSAGE).isTextual()) {
            return null;
        }
        String message = data.path(MESSAGE).asText();
        return message.isBlank() ? null : message;
    }
}
