package dev.orchestrion.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.ParameterDeclaration;
import dev.orchestrion.cases.model.ParameterValidations;
import dev.orchestrion.cases.model.ParameterViolation;

class ParameterValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ParameterValidator validator = new ParameterValidator();

    @Test
    void acceptsValuesOfEveryTypeAndKeepsThem() {
        List<ParameterDeclaration> schema = List.of(optional("s", "string"), optional("n", "number"),
                optional("i", "integer"), optional("b", "boolean"), optional("d", "date"), optional("o", "object"),
                optional("a", "array"));
        ParameterValidator.Result result = validator.validate(schema, values("""
                {"s":"text","n":1.5,"i":42,"b":true,"d":"2024-02-29","o":{"k":[1]},"a":[1,"two"]}"""));
        assertThat(result.violations()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.values()).isEqualTo(values("""
                {"s":"text","n":1.5,"i":42,"b":true,"d":"2024-02-29","o":{"k":[1]},"a":[1,"two"]}"""));
    }

    @Test
    void namesEveryValueOfTheWrongTypeAtOnce() {
        List<ParameterDeclaration> schema = List.of(optional("s", "string"), optional("n", "number"),
                optional("i", "integer"), optional("b", "boolean"), optional("d", "date"), optional("o", "object"),
                optional("a", "array"));
        ParameterValidator.Result result = validator.validate(schema, values("""
                {"s":1,"n":"1","i":1.5,"b":"true","d":"2023-02-29","o":[],"a":{}}"""));
        assertThat(result.violations()).containsExactly(violation("s", "must be a string"),
                violation("n", "must be a number"), violation("i", "must be an integer"),
                violation("b", "must be true or false"), violation("d", "must be a date (YYYY-MM-DD)"),
                violation("o", "must be an object"), violation("a", "must be an array"));
    }

    @Test
    void datesAreIsoCalendarDatesOnly() {
        List<ParameterDeclaration> schema = List.of(optional("d", "date"));
        assertThat(validator.validate(schema, values("{\"d\":\"2024-13-01\"}")).valid()).isFalse();
        assertThat(validator.validate(schema, values("{\"d\":\"2024-1-01\"}")).valid()).isFalse();
        assertThat(validator.validate(schema, values("{\"d\":\"2024-01-01T00:00:00Z\"}")).valid()).isFalse();
        assertThat(validator.validate(schema, values("{\"d\":\"2024-01-31\"}")).valid()).isTrue();
    }

    @Test
    void integersWrittenWithAZeroFractionAreIntegersAndAreStoredAsSuch() {
        List<ParameterDeclaration> schema = List.of(optional("i", "integer"));
        ParameterValidator.Result result = validator.validate(schema, values("{\"i\":3.0}"));
        assertThat(result.valid()).isTrue();
        assertThat(result.values().get("i").isIntegralNumber()).isTrue();
        assertThat(result.values().get("i").longValue()).isEqualTo(3);
        assertThat(validator.validate(schema, values("{\"i\":1e30}")).violations())
                .containsExactly(violation("i", "must be an integer"));
    }

    @Test
    void missingRequiredValuesAreReportedAndNullCountsAsMissing() {
        List<ParameterDeclaration> schema = List.of(required("a", "string"), required("b", "number"),
                optional("c", "string"));
        ParameterValidator.Result result = validator.validate(schema, values("{\"b\":null}"));
        assertThat(result.violations()).containsExactly(violation("a", "is required"), violation("b", "is required"));
    }

    @Test
    void defaultsFillAbsentValuesAndSatisfyRequired() {
        List<ParameterDeclaration> schema = List.of(
                new ParameterDeclaration("limit", "integer", true, JSON.getNodeFactory().numberNode(600), false, null),
                new ParameterDeclaration("mode", "string", false, JSON.getNodeFactory().textNode("fast"), false, null),
                optional("note", "string"));
        ParameterValidator.Result result = validator.validate(schema, values("{\"mode\":\"slow\"}"));
        assertThat(result.violations()).isEmpty();
        assertThat(result.values()).isEqualTo(values("{\"mode\":\"slow\",\"limit\":600}"));
    }

    @Test
    void theInputIsNotChanged() {
        ObjectNode given = values("{}");
        validator.validate(List.of(
                new ParameterDeclaration("limit", "integer", false, JSON.getNodeFactory().numberNode(1), false, null)),
                given);
        assertThat(given).isEqualTo(values("{}"));
    }

    @Test
    void minAndMaxBoundNumbersInclusively() {
        List<ParameterDeclaration> schema = List
                .of(withRules("amount", "number", new ParameterValidations(new BigDecimal("0"), new BigDecimal("100.5"),
                        null, null, null, null, null, null)));
        assertThat(validator.validate(schema, values("{\"amount\":0}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"amount\":100.5}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"amount\":-0.01}")).violations())
                .containsExactly(violation("amount", "must be at least 0"));
        assertThat(validator.validate(schema, values("{\"amount\":100.51}")).violations())
                .containsExactly(violation("amount", "must be at most 100.5"));
    }

    @Test
    void minAndMaxApplyToIntegersToo() {
        List<ParameterDeclaration> schema = List
                .of(withRules("score", "integer", new ParameterValidations(new BigDecimal("300"), new BigDecimal("850"),
                        null, null, null, null, null, null)));
        assertThat(validator.validate(schema, values("{\"score\":299}")).violations())
                .containsExactly(violation("score", "must be at least 300"));
        assertThat(validator.validate(schema, values("{\"score\":851}")).violations())
                .containsExactly(violation("score", "must be at most 850"));
    }

    @Test
    void minLengthAndMaxLengthCountCharactersNotBytes() {
        List<ParameterDeclaration> schema = List
                .of(withRules("code", "string", new ParameterValidations(null, null, 2, 3, null, null, null, null)));
        assertThat(validator.validate(schema, values("{\"code\":\"éé\"}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"code\":\"😀😀😀\"}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"code\":\"a\"}")).violations())
                .containsExactly(violation("code", "must be at least 2 characters long"));
        assertThat(validator.validate(schema, values("{\"code\":\"abcd\"}")).violations())
                .containsExactly(violation("code", "must be at most 3 characters long"));
    }

    @Test
    void patternsMatchTheWholeValue() {
        List<ParameterDeclaration> schema = List.of(withRules("country", "string",
                new ParameterValidations(null, null, null, null, "[A-Z]{2}", null, null, null)));
        assertThat(validator.validate(schema, values("{\"country\":\"SE\"}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"country\":\"SEK\"}")).violations())
                .containsExactly(violation("country", "must match the pattern [A-Z]{2}"));
        assertThat(validator.validate(schema, values("{\"country\":\"se\"}")).valid()).isFalse();
    }

    @Test
    void aPatternThatBacktracksForeverGivesUpInsteadOfHanging() {
        List<ParameterDeclaration> schema = List.of(withRules("text", "string",
                new ParameterValidations(null, null, null, null, "(a+)+b", null, null, null)));
        long start = System.nanoTime();
        List<ParameterViolation> violations = validator
                .validate(schema, values("{\"text\":\"" + "a".repeat(40) + "c\"}")).violations();
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).message()).startsWith("must match the pattern (a+)+b");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void anInvalidPatternInTheSchemaIsReportedNotThrown() {
        List<ParameterDeclaration> schema = List
                .of(withRules("x", "string", new ParameterValidations(null, null, null, null, "([", null, null, null)));
        assertThat(validator.validate(schema, values("{\"x\":\"y\"}")).violations()).containsExactly(
                violation("x", "cannot be checked: the definition's pattern is not a valid regular expression"));
    }

    @Test
    void enumAllowsOnlyTheListedValuesComparingNumbersByValue() {
        List<ParameterDeclaration> schema = List.of(
                withRules("level", "string",
                        new ParameterValidations(null, null, null, null, null,
                                List.of(node("\"low\""), node("\"high\"")), null, null)),
                withRules("tier", "integer", new ParameterValidations(null, null, null, null, null,
                        List.of(node("1"), node("2")), null, null)));
        assertThat(validator.validate(schema, values("{\"level\":\"high\",\"tier\":2.0}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"level\":\"medium\",\"tier\":3}")).violations())
                .containsExactly(violation("level", "must be one of [\"low\", \"high\"]"),
                        violation("tier", "must be one of [1, 2]"));
    }

    @Test
    void minItemsAndMaxItemsBoundArrays() {
        List<ParameterDeclaration> schema = List
                .of(withRules("tags", "array", new ParameterValidations(null, null, null, null, null, null, 1, 2)));
        assertThat(validator.validate(schema, values("{\"tags\":[\"a\"]}")).valid()).isTrue();
        assertThat(validator.validate(schema, values("{\"tags\":[]}")).violations())
                .containsExactly(violation("tags", "must have at least 1 item"));
        assertThat(validator.validate(schema, values("{\"tags\":[1,2,3]}")).violations())
                .containsExactly(violation("tags", "must have at most 2 items"));
    }

    @Test
    void everyBrokenRuleOfOneValueIsListed() {
        List<ParameterDeclaration> schema = List.of(withRules("code", "string",
                new ParameterValidations(null, null, 5, null, "[0-9]+", List.of(node("\"12345\"")), null, null)));
        assertThat(validator.validate(schema, values("{\"code\":\"ab\"}")).violations()).containsExactly(
                violation("code", "must be at least 5 characters long"),
                violation("code", "must match the pattern [0-9]+"), violation("code", "must be one of [\"12345\"]"));
    }

    @Test
    void valuesTheSchemaDoesNotDeclareAreReported() {
        ParameterValidator.Result result = validator.validate(List.of(optional("amount", "number")),
                values("{\"amount\":1,\"ammount\":2,\"extra\":true}"));
        assertThat(result.violations()).containsExactly(
                violation("ammount", "is not a parameter of this workflow definition"),
                violation("extra", "is not a parameter of this workflow definition"));
    }

    @Test
    void anUnknownDeclaredTypeIsReportedNotGuessed() {
        assertThat(validator.validate(List.of(optional("x", "money")), values("{\"x\":1}")).violations())
                .containsExactly(violation("x", "cannot be checked: the definition declares an unknown type 'money'"));
    }

    @Test
    void messagesNeverRepeatTheValue() {
        List<ParameterDeclaration> schema = List.of(new ParameterDeclaration("pin", "string", true, null, true,
                new ParameterValidations(null, null, 6, 6, "[0-9]+", null, null, null)));
        List<ParameterViolation> violations = validator.validate(schema, values("{\"pin\":\"secret\"}")).violations();
        assertThat(violations).isNotEmpty();
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).doesNotContain("secret"));
    }

    @Test
    void noSchemaAndNoValuesIsValid() {
        assertThat(validator.validate(List.of(), null).valid()).isTrue();
        assertThat(validator.validate(List.of(), null).values()).isEqualTo(values("{}"));
    }

    private static ParameterDeclaration optional(String name, String type) {
        return new ParameterDeclaration(name, type, false, null, false, null);
    }

    private static ParameterDeclaration required(String name, String type) {
        return new ParameterDeclaration(name, type, true, null, false, null);
    }

    private static ParameterDeclaration withRules(String name, String type, ParameterValidations rules) {
        return new ParameterDeclaration(name, type, false, null, false, rules);
    }

    private static ParameterViolation violation(String name, String message) {
        return new ParameterViolation("parameters." + name, message);
    }

    private static ObjectNode values(String json) {
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
