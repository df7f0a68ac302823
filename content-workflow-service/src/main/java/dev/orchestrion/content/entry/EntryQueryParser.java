package dev.orchestrion.content.entry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.EntryQuery;
import dev.orchestrion.content.model.EntryQuery.Condition;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;

/**
 * Reads a list request for entries in seed 004's style into an {@link EntryQuery}: {@code filters} as JSON
 * ({@code {"title": {"type": "contains", "filter": "tea"}}}) on the type's fields, {@code id} and
 * {@code internal.workflowState|createdAt|updatedAt|latestVersion}; {@code order_by} and {@code order_direction};
 * {@code page} (from 1) and {@code limit}. Every problem of the request is named in one {@link Invalid}.
 */
public final class EntryQueryParser {

    public static final Set<String> OPERATORS = Set.of("equals", "notEquals", "contains", "notContains", "startsWith",
            "endsWith", "greaterThan", "greaterThanEqual", "lessThan", "lessThanEqual");
    public static final Set<String> INTERNAL_FIELDS = Set.of("internal.workflowState", "internal.createdAt",
            "internal.updatedAt", "internal.latestVersion");

    private EntryQueryParser() {
    }

    public static EntryQuery parse(ContentType type, String filters, String orderBy, String direction, Integer page,
            Integer limit, ObjectMapper json) {
        List<FieldViolation> problems = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        if (filters != null && !filters.isBlank()) {
            JsonNode parsed;
            try {
                parsed = json.readTree(filters);
            } catch (JsonProcessingException e) {
                throw Invalid.field("filters", "must be a JSON object: " + e.getOriginalMessage());
            }
            if (parsed == null || !parsed.isObject()) {
                throw Invalid.field("filters", "must be a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> filter = it.next();
                Condition condition = condition(type, filter.getKey(), filter.getValue(), problems);
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }
        if (orderBy != null && !orderBy.isBlank() && !knownField(type, orderBy)) {
            problems.add(new FieldViolation("order_by", "unknown field " + orderBy));
        }
        boolean descending = false;
        if (direction != null && !direction.isBlank()) {
            if (!direction.equals("asc") && !direction.equals("desc")) {
                problems.add(new FieldViolation("order_direction", "must be asc or desc"));
            }
            descending = direction.equals("desc");
        }
        int pageNumber = page == null ? 1 : page;
        int pageSize = limit == null ? 20 : limit;
        if (pageNumber < 1) {
            problems.add(new FieldViolation("page", "must be 1 or more"));
        }
        if (pageSize < 1 || pageSize > EntryQuery.MAX_LIMIT) {
            problems.add(new FieldViolation("limit", "must be between 1 and " + EntryQuery.MAX_LIMIT));
        } else if (pageNumber >= 1 && !EntryQuery.reachable(pageNumber, pageSize)) {
            problems.add(new FieldViolation("page",
                    "must start within the first " + EntryQuery.MAX_SKIP + " entries; narrow the list with filters"));
        }
        if (!problems.isEmpty()) {
            throw new Invalid("The list request is invalid", problems);
        }
        return new EntryQuery(conditions, orderBy == null || orderBy.isBlank() ? null : orderBy, descending, pageNumber,
                pageSize);
    }

    private static Condition condition(ContentType type, String field, JsonNode spec, List<FieldViolation> problems) {
        String path = "filters." + field;
        if (!knownField(type, field)) {
            problems.add(new FieldViolation(path, "unknown field " + field));
            return null;
        }
        if (!spec.isObject() || !spec.path("type").isTextual()) {
            problems.add(new FieldViolation(path, "must be {\"type\": operator, \"filter\": value}"));
            return null;
        }
        String operator = spec.path("type").asText();
        if (!OPERATORS.contains(operator)) {
            problems.add(new FieldViolation(path + ".type", "must be one of " + OPERATORS.stream().sorted().toList()));
            return null;
        }
        JsonNode value = spec.get("filter");
        if (value == null || value.isContainerNode()) {
            problems.add(new FieldViolation(path + ".filter", "must be a string, number, boolean or null"));
            return null;
        }
        boolean textual = Set.of("contains", "notContains", "startsWith", "endsWith").contains(operator);
        if (textual && !value.isTextual()) {
            problems.add(new FieldViolation(path + ".filter", operator + " needs a string"));
            return null;
        }
        Instant instant = null;
        if (field.equals("internal.createdAt") || field.equals("internal.updatedAt")) {
            if (textual || !value.isTextual()) {
                problems.add(new FieldViolation(path, "compares dates: use equals, greaterThan, ... with a date-time"));
                return null;
            }
            try {
                instant = OffsetDateTime.parse(value.asText()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldViolation(path + ".filter", "must be an ISO-8601 date-time"));
                return null;
            }
        }
        if (field.equals("internal.latestVersion") && !value.isIntegralNumber()) {
            problems.add(new FieldViolation(path + ".filter", "must be an integer"));
            return null;
        }
        return new Condition(field, operator, value.isTextual() ? TextNode.valueOf(value.asText()) : value, instant);
    }

    private static boolean knownField(ContentType type, String field) {
        if (field.equals("id") || INTERNAL_FIELDS.contains(field)) {
            return true;
        }
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        for (ContentField declared : type.fields()) {
            if (declared.name().equals(top)) {
                return top.equals(field) || "object".equals(declared.type());
            }
        }
        return false;
    }
}
