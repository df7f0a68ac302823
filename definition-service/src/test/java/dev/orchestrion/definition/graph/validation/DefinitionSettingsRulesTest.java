package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.JSON;
import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.orchestrion.definition.model.DefinitionContent;

class DefinitionSettingsRulesTest {

    @Test
    void theRunTimeoutAndEachParametersPatternAndDefault() throws JsonProcessingException {
        DefinitionContent content = JSON.readValue("""
                {"name": "t", "timeout": "PT0S", "parameters": [
                  {"name": "code", "type": "string", "validations": {"pattern": "(["}},
                  {"name": "amount", "type": "integer", "default": "ten"},
                  {"name": "fine", "type": "integer", "default": 10, "validations": {"pattern": "\\\\d+"}},
                  {"name": "none", "type": "date", "default": null}]}""", DefinitionContent.class).normalized();
        Incidents incidents = new Incidents();
        DefinitionSettingsRules.check(content, incidents);
        assertThat(found(incidents)).containsExactly("INVALID_PROPERTY null timeout",
                "INVALID_PROPERTY null parameters.code.validations.pattern",
                "INVALID_PROPERTY null parameters.amount.default");
        assertThat(incidents.list().get(2).message())
                .isEqualTo("parameters.amount.default is not a value of type integer");
    }
}
