package dev.orchestrion.cases.mapping;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.model.CaseField;
import dev.orchestrion.cases.model.CaseFields;

/** A case entity's writable fields, to and from the fields a create or a merge patch gives. */
public final class CaseMapper {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private CaseMapper() {
    }

    /** Sets the entity's writable fields to those of {@code fields}. */
    public static void apply(CaseFields fields, CaseEntity entity, ObjectMapper json) {
        entity.firstName = fields.firstName();
        entity.lastName = fields.lastName();
        entity.personalNumber = fields.personalNumber();
        entity.email = fields.email();
        entity.companyName = fields.companyName();
        entity.companyNumber = fields.companyNumber();
        entity.companyAddress = fields.companyAddress();
        entity.externalRef = fields.externalRef();
        entity.attributes = fields.attributes() == null
                ? new LinkedHashMap<>()
                : json.convertValue(fields.attributes(), MAP);
    }

    /** The entity's writable fields, as a create would give them. */
    public static CaseFields writableFields(CaseEntity entity, ObjectMapper json) {
        ObjectNode attributes = entity.attributes == null
                ? json.createObjectNode()
                : json.valueToTree(entity.attributes);
        return new CaseFields(entity.firstName, entity.lastName, entity.personalNumber, entity.email,
                entity.companyName, entity.companyNumber, entity.companyAddress, entity.externalRef, attributes);
    }

    /** Clears every personal field (and the attributes, which may hold personal data); the id and externalRef stay. */
    public static void erasePersonalFields(CaseEntity entity) {
        for (CaseField field : CaseField.values()) {
            if (!field.personal()) {
                continue;
            }
            switch (field) {
                case FIRST_NAME -> entity.firstName = null;
                case LAST_NAME -> entity.lastName = null;
                case PERSONAL_NUMBER -> entity.personalNumber = null;
                case EMAIL -> entity.email = null;
                case COMPANY_NAME -> entity.companyName = null;
                case COMPANY_NUMBER -> entity.companyNumber = null;
                case COMPANY_ADDRESS -> entity.companyAddress = null;
                case ATTRIBUTES -> entity.attributes = new LinkedHashMap<>();
                case EXTERNAL_REF -> throw new IllegalStateException("externalRef is not personal");
            }
        }
    }
}
