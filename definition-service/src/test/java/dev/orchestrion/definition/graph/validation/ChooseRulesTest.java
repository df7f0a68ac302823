package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.graph;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Node;

class ChooseRulesTest {

    @Test
    void noCaseIsNamedDefault() {
        Incidents incidents = new Incidents();
        for (String cases : new String[]{"[{'name':'big'},{'name':'default'}]", "[{'name':'big'}]"}) {
            Node node = node("{'id':'c','type':'choose','properties':{'cases':" + cases + "}}");
            new ChooseRules().checkNode(node, node.propertiesOrEmpty(), graph("[]", "[]"), incidents);
        }
        assertThat(found(incidents)).containsExactly("INVALID_PROPERTY c cases");
        assertThat(incidents.list().get(0).message()).startsWith("A case may not be named default");
    }
}
