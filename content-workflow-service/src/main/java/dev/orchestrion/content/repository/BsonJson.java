package dev.orchestrion.content.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.Timestamps;

/** Converts JSON trees to BSON values and back, keeping numbers' kinds (integers stay integers). */
public final class BsonJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonJson() {
    }

    public static Document toDocument(JsonNode object) {
        Document document = new Document();
        if (object != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                document.append(field.getKey(), toBson(field.getValue()));
            }
        }
        return document;
    }

    public static Object toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toDocument(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toBson(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            return new Decimal128(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isBigDecimal()) {
            return new Decimal128(node.decimalValue());
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    public static ObjectNode toObjectNode(Document document) {
        ObjectNode node = NODES.objectNode();
        if (document != null) {
            document.forEach((key, value) -> node.set(key, toJson(value)));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Document document) {
            return toObjectNode(document);
        }
        if (value instanceof Map<?, ?> map) {
            return toObjectNode(new Document((Map<String, Object>) map));
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Decimal128 decimal) {
            return NODES.numberNode(decimal.bigDecimalValue());
        }
        if (value instanceof Date date) {
            return NODES.textNode(Timestamps.format(date.toInstant()));
        }
        return NODES.textNode(value.toString());
    }
}
