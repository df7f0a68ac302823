package dev.orchestrion.definition.graph.validation;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.ParameterSpec;

/** The definition's own settings: its run timeout, and its parameters' patterns and defaults. */
final class DefinitionSettingsRules {

    private DefinitionSettingsRules() {
    }

    static void check(DefinitionContent content, Incidents incidents) {
        if (content.timeout() != null && !ValueFormats.isPositiveDuration(content.timeout())) {
            incidents.invalidProperty(null, "timeout", "must be a positive ISO-8601 duration such as PT1H");
        }
        for (ParameterSpec p : content.parameters()) {
            if (p.validations() != null && p.validations().pattern() != null) {
                try {
                    Pattern.compile(p.validations().pattern());
                } catch (PatternSyntaxException e) {
                    incidents.invalidProperty(null, "parameters." + p.name() + ".validations.pattern",
                            "is not a valid regular expression: " + e.getDescription());
                }
            }
            JsonNode defaultValue = p.defaultValue();
            if (defaultValue != null && !defaultValue.isNull() && !ValueFormats.fitsType(p.type(), defaultValue)) {
                incidents.invalidProperty(null, "parameters." + p.name() + ".default",
                        "is not a value of type " + p.type());
            }
        }
    }
}
