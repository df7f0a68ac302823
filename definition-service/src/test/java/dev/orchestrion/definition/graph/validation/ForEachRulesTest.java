package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static dev.orchestrion.definition.graph.validation.Graphs.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Node;

class ForEachRulesTest {

    @Test
    void aChunkHoldsAtLeastOneItem() {
        Incidents incidents = new Incidents();
        Node node = node("{'id':'loop','type':'forEach'}");
        ForEachRules rules = new ForEachRules();
        rules.checkProperty(node, "chunkSize", value("0"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "chunkSize", value("1"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "items", value("'params.list'"), Graphs.REFERENCES, incidents);
        assertThat(found(incidents)).containsExactly("INVALID_PROPERTY loop chunkSize");
        assertThat(incidents.list().get(0).message()).isEqualTo("Node loop: chunkSize must be at least 1");
    }
}
