package dev.orchestrion.cases.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.ParameterDeclaration;
import dev.orchestrion.cases.model.ParameterType;
import dev.orchestrion.cases.model.ParameterValidations;
import dev.orchestrion.cases.model.ParameterViolation;

/**
 * Checks parameter values against a definition's parameter schema (docs/node-types.md, "Parameters") and completes
 * them with the schema's defaults. Every violation is reported at once, each naming the field and the rule, never
 * the value (some parameters are redacted). Pure logic: no I/O.
 */
public final class ParameterValidator {

    /** The field names violations use: the path of the value in a request body. */
    public static final String FIELD_PREFIX = "parameters.";

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final int PATTERN_CACHE_LIMIT = 1000;
    private static final long PATTERN_BUDGET_NANOS = 50_000_000L;

    private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();

    /**
     * The outcome of a check.
     *
     * @param values the given values with defaults applied and integers normalised (a copy; the input is untouched)
     * @param violations every rule broken, in schema order, then undeclared parameters by name
     */
    public record Result(ObjectNode values, List<ParameterViolation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public Result validate(List<ParameterDeclaration> schema, ObjectNode given) {
        ObjectNode values = given == null ? JsonNodeFactory.instance.objectNode() : given.deepCopy();
        List<ParameterViolation> violations = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (ParameterDeclaration parameter : schema) {
            if (parameter.name() == null || !declared.add(parameter.name())) {
                continue;
            }
            String field = FIELD_PREFIX + parameter.name();
            JsonNode value = values.get(parameter.name());
            if (value == null || value.isNull()) {
                values.remove(parameter.name());
                if (parameter.defaultValue() != null) {
                    values.set(parameter.name(), parameter.defaultValue().deepCopy());
                } else if (parameter.required()) {
                    violations.add(new ParameterViolation(field, "is required"));
                }
                continue;
            }
            Optional<ParameterType> type = ParameterType.fromSchemaName(parameter.typeName());
            if (type.isEmpty()) {
                violations.add(new ParameterViolation(field,
                        "cannot be checked: the definition declares an unknown type '" + parameter.typeName() + "'"));
                continue;
            }
            JsonNode typed = ofType(type.get(), value);
            if (typed == null) {
                violations.add(new ParameterViolation(field, "must be " + describe(type.get())));
                continue;
            }
            values.set(parameter.name(), typed);
            checkRules(field, type.get(), typed, parameter.validations(), violations);
        }
        Set<String> undeclared = new TreeSet<>();
        for (Iterator<String> names = values.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!declared.contains(name)) {
                undeclared.add(name);
            }
        }
        for (String name : undeclared) {
            violations
                    .add(new ParameterViolation(FIELD_PREFIX + name, "is not a parameter of this workflow definition"));
        }
        return new Result(values, List.copyOf(violations));
    }

    /** The value as the type wants it (integers written as 2.0 become 2), or null when it is not of that type. */
    private static JsonNode ofType(ParameterType type, JsonNode value) {
        return switch (type) {
            case STRING -> value.isTextual() ? value : null;
            case NUMBER -> value.isNumber() ? value : null;
            case INTEGER -> integer(value);
            case BOOLEAN -> value.isBoolean() ? value : null;
            case DATE -> value.isTextual() && isDate(value.textValue()) ? value : null;
            case OBJECT -> value.isObject() ? value : null;
            case ARRAY -> value.isArray() ? value : null;
        };
    }

    private static JsonNode integer(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            return null;
        }
        // Runs evaluate integers as 64-bit CEL ints.
        if (number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0) {
            return null;
        }
        return value.isIntegralNumber() && value.canConvertToLong()
                ? value
                : JsonNodeFactory.instance.numberNode(number.toBigInteger().longValueExact());
    }

    private static boolean isDate(String text) {
        if (text.length() != 10) {
            return false;
        }
        try {
            LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void checkRules(String field, ParameterType type, JsonNode value, ParameterValidations rules,
            List<ParameterViolation> violations) {
        if (type == ParameterType.NUMBER || type == ParameterType.INTEGER) {
            BigDecimal number = value.decimalValue();
            if (rules.min() != null && number.compareTo(rules.min()) < 0) {
                violations.add(new ParameterViolation(field, "must be at least " + plain(rules.min())));
            }
            if (rules.max() != null && number.compareTo(rules.max()) > 0) {
                violations.add(new ParameterViolation(field, "must be at most " + plain(rules.max())));
            }
        }
        if (type == ParameterType.STRING || type == ParameterType.DATE) {
            String text = value.textValue();
            int length = text.codePointCount(0, text.length());
            if (rules.minLength() != null && length < rules.minLength()) {
                violations.add(new ParameterViolation(field,
                        "must be at least " + rules.minLength() + " character" + plural(rules.minLength()) + " long"));
            }
            if (rules.maxLength() != null && length > rules.maxLength()) {
                violations.add(new ParameterViolation(field,
                        "must be at most " + rules.maxLength() + " character" + plural(rules.maxLength()) + " long"));
            }
            if (rules.pattern() != null) {
                checkPattern(field, rules.pattern(), text, violations);
            }
        }
        if (type == ParameterType.ARRAY) {
            int size = value.size();
            if (rules.minItems() != null && size < rules.minItems()) {
                violations.add(new ParameterViolation(field,
                        "must have at least " + rules.minItems() + " item" + plural(rules.minItems())));
            }
            if (rules.maxItems() != null && size > rules.maxItems()) {
                violations.add(new ParameterViolation(field,
                        "must have at most " + rules.maxItems() + " item" + plural(rules.maxItems())));
            }
        }
        if (rules.allowed() != null && rules.allowed().stream().noneMatch(allowed -> sameValue(allowed, value))) {
            violations.add(new ParameterViolation(field, "must be one of "
                    + rules.allowed().stream().map(JsonNode::toString).collect(Collectors.joining(", ", "[", "]"))));
        }
    }

    private void checkPattern(String field, String regex, String text, List<ParameterViolation> violations) {
        Optional<Pattern> pattern = compiled(regex);
        if (pattern.isEmpty()) {
            violations.add(new ParameterViolation(field,
                    "cannot be checked: the definition's pattern is not a valid regular expression"));
            return;
        }
        try {
            if (!pattern.get().matcher(new BoundedCharSequence(text, System.nanoTime() + PATTERN_BUDGET_NANOS))
                    .matches()) {
                violations.add(new ParameterViolation(field, "must match the pattern " + regex));
            }
        } catch (PatternBudgetExceeded e) {
            violations.add(new ParameterViolation(field,
                    "must match the pattern " + regex + " (the value could not be matched in time)"));
        }
    }

    private Optional<Pattern> compiled(String regex) {
        if (patterns.size() > PATTERN_CACHE_LIMIT) {
            patterns.clear();
        }
        return patterns.computeIfAbsent(regex, r -> {
            try {
                return Optional.of(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        });
    }

    /** JSON equality, except that numbers compare by value (2 equals 2.0). */
    private static boolean sameValue(JsonNode allowed, JsonNode value) {
        if (allowed.isNumber() && value.isNumber()) {
            return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return allowed.equals(value);
    }

    private static String describe(ParameterType type) {
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case INTEGER -> "an integer";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    /** Thrown when matching a pattern takes longer than its budget (a pathological pattern and value). */
    private static final class PatternBudgetExceeded extends RuntimeException {

        PatternBudgetExceeded() {
            super("pattern budget exceeded", null, false, false);
        }
    }

    /** A string that gives up when read after a deadline, so that a catastrophic backtracking match ends. */
    private record BoundedCharSequence(String text, long deadline) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadline) {
                throw new PatternBudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedCharSequence(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
