package dev.orchestrion.cases.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.CaseField;
import dev.orchestrion.cases.model.CaseFields;
import dev.orchestrion.support.domain.FieldViolation;

/**
 * A JSON merge patch (RFC 7386) of a case's writable fields. A field set to a string replaces it, {@code null}
 * clears it; {@code attributes} is merged recursively ({@code null} inside removes a key, {@code attributes: null}
 * empties it). Pure logic: parsing reports every malformed field at once.
 */
public final class CaseMergePatch {

    private static final Set<String> READ_ONLY = Set.of("id", "tenant", "erased", "erasedAt", "version", "createdAt",
            "updatedAt");

    private final ObjectNode patch;

    private CaseMergePatch(ObjectNode patch) {
        this.patch = patch;
    }

    /** The outcome of parsing: a patch, or every field that is wrong with it. */
    public record Parsed(CaseMergePatch patch, List<FieldViolation> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Parsed parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Parsed(null,
                    List.of(new FieldViolation("request", "a merge patch of a case must be a JSON object")));
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            CaseField field = CaseField.byJsonName(name).orElse(null);
            if (field == null) {
                errors.add(new FieldViolation(name, READ_ONLY.contains(name) ? "is read-only" : "unknown field"));
            } else if (field == CaseField.ATTRIBUTES) {
                if (!value.isObject() && !value.isNull()) {
                    errors.add(new FieldViolation(name, "must be an object or null"));
                }
            } else if (!value.isTextual() && !value.isNull()) {
                errors.add(new FieldViolation(name, "must be a string or null"));
            }
        }
        return errors.isEmpty()
                ? new Parsed(new CaseMergePatch((ObjectNode) body), List.of())
                : new Parsed(null, List.copyOf(errors));
    }

    /** The case's writable fields after the patch; {@code current} is left untouched. */
    public CaseFields applyTo(CaseFields current) {
        ObjectNode attributes = current.attributes() == null
                ? JsonNodeFactory.instance.objectNode()
                : current.attributes().deepCopy();
        if (patch.has(CaseField.ATTRIBUTES.jsonName())) {
            JsonNode merged = merge(attributes, patch.get(CaseField.ATTRIBUTES.jsonName()));
            attributes = merged.isObject() ? (ObjectNode) merged : JsonNodeFactory.instance.objectNode();
        }
        return new CaseFields(text(CaseField.FIRST_NAME, current.firstName()),
                text(CaseField.LAST_NAME, current.lastName()),
                text(CaseField.PERSONAL_NUMBER, current.personalNumber()), text(CaseField.EMAIL, current.email()),
                text(CaseField.COMPANY_NAME, current.companyName()),
                text(CaseField.COMPANY_NUMBER, current.companyNumber()),
                text(CaseField.COMPANY_ADDRESS, current.companyAddress()),
                text(CaseField.EXTERNAL_REF, current.externalRef()), attributes);
    }

    /** The fields whose value differs between {@code before} and {@code after}, in the order events list them. */
    public static Set<CaseField> changedFields(CaseFields before, CaseFields after) {
        Set<CaseField> changed = EnumSet.noneOf(CaseField.class);
        compare(changed, CaseField.FIRST_NAME, before.firstName(), after.firstName());
        compare(changed, CaseField.LAST_NAME, before.lastName(), after.lastName());
        compare(changed, CaseField.PERSONAL_NUMBER, before.personalNumber(), after.personalNumber());
        compare(changed, CaseField.EMAIL, before.email(), after.email());
        compare(changed, CaseField.COMPANY_NAME, before.companyName(), after.companyName());
        compare(changed, CaseField.COMPANY_NUMBER, before.companyNumber(), after.companyNumber());
        compare(changed, CaseField.COMPANY_ADDRESS, before.companyAddress(), after.companyAddress());
        compare(changed, CaseField.EXTERNAL_REF, before.externalRef(), after.externalRef());
        compare(changed, CaseField.ATTRIBUTES, emptyIfNull(before.attributes()), emptyIfNull(after.attributes()));
        return changed;
    }

    /** RFC 7386 MergePatch(target, patch). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    private String text(CaseField field, String current) {
        if (!patch.has(field.jsonName())) {
            return current;
        }
        JsonNode value = patch.get(field.jsonName());
        return value.isNull() ? null : value.textValue();
    }

    private static void compare(Set<CaseField> changed, CaseField field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static ObjectNode emptyIfNull(ObjectNode attributes) {
        return attributes == null ? JsonNodeFactory.instance.objectNode() : attributes;
    }
}
