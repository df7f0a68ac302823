package dev.orchestrion.content.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.FieldValidations;
import dev.orchestrion.support.domain.FieldViolation;

/** Checks an entry's fields against its content type, listing every failure. */
public final class EntryValidator {

    /** Top-level keys of an entry that are not fields: the platform's sections. */
    public static final Set<String> RESERVED = Set.of("id", "internal", "sys");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EntryValidator() {
    }

    public static List<FieldViolation> problems(ContentType type, ObjectNode data) {
        List<FieldViolation> problems = new ArrayList<>();
        Map<String, ContentField> fields = new LinkedHashMap<>();
        type.fields().forEach(f -> fields.put(f.name(), f));
        for (Iterator<String> names = data.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                problems.add(new FieldViolation(name, "is not a field of content type " + type.name()));
            } else {
                keyProblems(name, data.get(name), problems);
            }
        }
        for (ContentField field : type.fields()) {
            JsonNode value = data.get(field.name());
            // An empty text or an empty list (of a list field) counts as no value.
            if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()
                    || "array".equals(field.type()) && value.isArray() && value.isEmpty()) {
                if (field.mandatory()) {
                    problems.add(new FieldViolation(field.name(), "is required"));
                }
                continue;
            }
            String problem = valueProblem(field, value);
            if (problem != null) {
                problems.add(new FieldViolation(field.name(), problem));
            }
        }
        return problems;
    }

    /** MongoDB stores keys as given: nested keys may not start with $ or contain dots. */
    private static void keyProblems(String path, JsonNode value, List<FieldViolation> problems) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> child = it.next();
                if (child.getKey().isEmpty() || child.getKey().startsWith("$") || child.getKey().contains(".")) {
                    problems.add(new FieldViolation(path + "." + child.getKey(),
                            "keys may not be empty, start with $ or contain a dot"));
                } else {
                    keyProblems(path + "." + child.getKey(), child.getValue(), problems);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                keyProblems(path + "[" + i + "]", value.get(i), problems);
            }
        }
    }

    private static String valueProblem(ContentField field, JsonNode value) {
        FieldValidations v = field.validations();
        switch (field.type()) {
            case "text", "richtext", "email" -> {
                if (!value.isTextual()) {
                    return "must be a string";
                }
                if ("email".equals(field.type()) && !EMAIL.matcher(value.asText()).matches()) {
                    return "must be an email address";
                }
                return v == null ? null : textProblem(v, value.asText());
            }
            case "number", "integer" -> {
                if (!value.isNumber() || "integer".equals(field.type()) && !isWhole(value)) {
                    return "integer".equals(field.type()) ? "must be an integer" : "must be a number";
                }
                return v == null ? null : numberProblem(v, value.decimalValue());
            }
            case "boolean" -> {
                return value.isBoolean() ? null : "must be true or false";
            }
            case "datetime" -> {
                return value.isTextual() && isDateTime(value.asText()) ? null : "must be an ISO-8601 date or date-time";
            }
            case "select" -> {
                List<JsonNode> options = v == null || v.options() == null ? List.of() : v.options();
                return options.contains(value) ? null : "must be one of " + options;
            }
            case "object" -> {
                return value.isObject() ? null : "must be an object";
            }
            case "array" -> {
                if (!value.isArray()) {
                    return "must be an array";
                }
                if (v != null && v.minLength() != null && value.size() < v.minLength()) {
                    return "must have at least " + v.minLength() + " items";
                }
                if (v != null && v.maxLength() != null && value.size() > v.maxLength()) {
                    return "must have at most " + v.maxLength() + " items";
                }
                return null;
            }
            default -> {
                return "has an unknown field type " + field.type();
            }
        }
    }

    private static String textProblem(FieldValidations v, String text) {
        int length = text.codePointCount(0, text.length());
        if (v.minLength() != null && length < v.minLength()) {
            return "must be at least " + v.minLength() + " characters";
        }
        if (v.maxLength() != null && length > v.maxLength()) {
            return "must be at most " + v.maxLength() + " characters";
        }
        if (v.pattern() != null && !Pattern.compile(v.pattern()).matcher(text).matches()) {
            return "must match " + v.pattern();
        }
        if (v.options() != null && !v.options().isEmpty()
                && v.options().stream().noneMatch(o -> o.isTextual() && o.asText().equals(text))) {
            return "must be one of " + v.options();
        }
        return null;
    }

    private static String numberProblem(FieldValidations v, BigDecimal number) {
        if (v.minimum() != null && number.compareTo(v.minimum()) < 0) {
            return "must be at least " + v.minimum().toPlainString();
        }
        if (v.maximum() != null && number.compareTo(v.maximum()) > 0) {
            return "must be at most " + v.maximum().toPlainString();
        }
        return null;
    }

    private static boolean isWhole(JsonNode value) {
        return value.isIntegralNumber() || value.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }
}
