package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static dev.orchestrion.definition.graph.validation.Graphs.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Node;

class ContentTransitionRulesTest {

    @Test
    void theEventIsStateDotEvent() {
        Incidents incidents = new Incidents();
        Node node = node("{'id':'ct','type':'contentTransition'}");
        ContentTransitionRules rules = new ContentTransitionRules();
        rules.checkProperty(node, "event", value("'draft.submit'"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "event", value("'review-2.approve_all'"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "event", value("'submit'"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "event", value("'draft.'"), Graphs.REFERENCES, incidents);
        rules.checkProperty(node, "contentType", value("'not.checked.here'"), Graphs.REFERENCES, incidents);
        assertThat(found(incidents)).containsExactly("INVALID_PROPERTY ct event", "INVALID_PROPERTY ct event");
    }
}
