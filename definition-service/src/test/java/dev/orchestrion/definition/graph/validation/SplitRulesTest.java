package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.graph;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.Node;

class SplitRulesTest {

    private final Incidents incidents = new Incidents();

    @Test
    void atLeastTwoBranches() {
        check("{'branches':[{'name':'a'}]}");
        assertThat(incidents.list()).extracting(Incident::message)
                .containsExactly("A split needs at least two branches");
    }

    @Test
    void aWeightedSplitNeedsAPositiveWeight() {
        check("{'mode':'weighted','branches':[{'name':'a','weight':0},{'name':'b'}]}");
        check("{'mode':'weighted','branches':[{'name':'a','weight':0},{'name':'b','weight':2}]}");
        check("{'mode':'random','branches':[{'name':'a'},{'name':'b'}]}");
        assertThat(found(incidents)).containsExactly("INVALID_PROPERTY s branches");
        assertThat(incidents.list().get(0).message()).contains("positive weight");
    }

    private void check(String properties) {
        Node node = node("{'id':'s','type':'split','properties':" + properties + "}");
        new SplitRules().checkNode(node, node.propertiesOrEmpty(), graph("[]", "[]"), incidents);
    }
}
