package dev.orchestrion.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.CaseField;
import dev.orchestrion.cases.model.CaseFields;
import dev.orchestrion.support.domain.FieldViolation;

class CaseMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final CaseFields ADA = new CaseFields("Ada", "Lovelace", "19151210-1234", "ada@example.com", null,
            null, null, "crm-1", object("{\"score\":700,\"address\":{\"city\":\"London\"}}"));

    @Test
    void setsReplacesAndClearsFieldsLeavingTheOthers() {
        CaseFields after = patch("{\"firstName\":\"Augusta\",\"email\":null,\"companyName\":\"Engines\"}").applyTo(ADA);
        assertThat(after.firstName()).isEqualTo("Augusta");
        assertThat(after.email()).isNull();
        assertThat(after.companyName()).isEqualTo("Engines");
        assertThat(after.lastName()).isEqualTo("Lovelace");
        assertThat(after.externalRef()).isEqualTo("crm-1");
        assertThat(after.attributes()).isEqualTo(ADA.attributes());
        assertThat(CaseMergePatch.changedFields(ADA, after)).containsExactly(CaseField.FIRST_NAME, CaseField.EMAIL,
                CaseField.COMPANY_NAME);
    }

    @Test
    void mergesAttributesRecursivelyAsRfc7386Says() {
        CaseFields after = patch("""
                {"attributes":{"score":710,"address":{"city":null,"country":"UK"},"tags":["vip"]}}""").applyTo(ADA);
        assertThat(after.attributes())
                .isEqualTo(object("{\"score\":710,\"address\":{\"country\":\"UK\"},\"tags\":[\"vip\"]}"));
        assertThat(CaseMergePatch.changedFields(ADA, after)).containsExactly(CaseField.ATTRIBUTES);
    }

    @Test
    void anArrayOrScalarInAttributesReplacesWhatWasThere() {
        CaseFields after = patch("{\"attributes\":{\"address\":\"10 Downing Street\"}}").applyTo(ADA);
        assertThat(after.attributes().get("address").asText()).isEqualTo("10 Downing Street");
    }

    @Test
    void nullAttributesEmptyThem() {
        CaseFields after = patch("{\"attributes\":null}").applyTo(ADA);
        assertThat(after.attributes()).isEqualTo(object("{}"));
        assertThat(CaseMergePatch.changedFields(ADA, after)).containsExactly(CaseField.ATTRIBUTES);
    }

    @Test
    void aPatchThatRestatesTheCaseChangesNothing() {
        CaseFields after = patch("{\"firstName\":\"Ada\",\"attributes\":{\"score\":700}}").applyTo(ADA);
        assertThat(CaseMergePatch.changedFields(ADA, after)).isEmpty();
        assertThat(CaseMergePatch.changedFields(ADA, patch("{}").applyTo(ADA))).isEmpty();
    }

    @Test
    void theCaseGivenIsNotChanged() {
        ObjectNode before = ADA.attributes().deepCopy();
        patch("{\"attributes\":{\"score\":1,\"address\":null}}").applyTo(ADA);
        assertThat(ADA.attributes()).isEqualTo(before);
    }

    @Test
    void reportsEveryMalformedFieldAtOnce() {
        CaseMergePatch.Parsed parsed = CaseMergePatch.parse(node("""
                {"firstName":1,"attributes":[1],"id":"x","version":3,"nickname":"Ada","email":"a@b.c"}"""));
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).containsExactly(new FieldViolation("firstName", "must be a string or null"),
                new FieldViolation("attributes", "must be an object or null"), new FieldViolation("id", "is read-only"),
                new FieldViolation("version", "is read-only"), new FieldViolation("nickname", "unknown field"));
    }

    @Test
    void aPatchMustBeAnObject() {
        assertThat(CaseMergePatch.parse(node("[1,2]")).errors()).extracting(FieldViolation::field)
                .containsExactly("request");
        assertThat(CaseMergePatch.parse(null).valid()).isFalse();
    }

    private static CaseMergePatch patch(String json) {
        CaseMergePatch.Parsed parsed = CaseMergePatch.parse(node(json));
        assertThat(parsed.errors()).isEmpty();
        return parsed.patch();
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) node(json);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
