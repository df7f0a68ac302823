package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static dev.orchestrion.definition.graph.validation.Graphs.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Node;

class SubWorkflowRulesTest {

    @Test
    void theChildIsADefinitionIdTheTenantHas() {
        Incidents incidents = new Incidents();
        Node node = node("{'id':'child','type':'subWorkflow'}");
        SubWorkflowRules rules = new SubWorkflowRules();
        rules.checkProperty(node, "definitionId", value("'1-1-1-1-1'"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "definitionId", value("'4c2d8a4f-579f-4e2e-a51c-f859e532fe8c'"), Graphs.REFERENCES,
                incidents);
        rules.checkProperty(node, "definitionId", value("'3b2d8a4f-579f-4e2e-a51c-f859e532fe8c'"), Graphs.REFERENCES,
                incidents);
        rules.checkProperty(node, "wait", value("true"), Graphs.REFERENCES, incidents);
        assertThat(found(incidents)).containsExactly("INVALID_PROPERTY child definitionId",
                "UNKNOWN_DEFINITION child definitionId");
        assertThat(incidents.list().get(1).message())
                .isEqualTo("No workflow definition 4c2d8a4f-579f-4e2e-a51c-f859e532fe8c exists in this tenant");
    }
}
