package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.code;
import static dev.orchestrion.definition.graph.validation.Graphs.definition;
import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.model.IncidentCode.MISSING_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.model.Node;

class DelayRulesTest {

    @Test
    void eachModeNeedsItsPropertyUnlessADataConnectorFeedsIt() {
        DefinitionGraph graph = new DefinitionGraph(definition("""
                [{'id':'d','type':'delay','properties':{'mode':'duration'}},
                 {'id':'u','type':'delay','properties':{'mode':'until'}},
                 {'id':'w','type':'delay','properties':{'mode':'weekday','time':'10:00'}},
                 {'id':'t','type':'delay','properties':{'mode':'timeOfDay'}},
                 {'id':'fed','type':'delay','properties':{'mode':'duration'}},
                 {'id':'set','type':'delay','properties':{'mode':'duration','duration':'PT5M'}},
                 {'id':'odd','type':'delay','properties':{'mode':'soon'}}]""", "[]",
                "[{'from':'d','path':'/resumedAt','to':'fed','property':'duration'}]"));
        Incidents incidents = new Incidents();
        for (Node node : graph.nodes()) {
            new DelayRules().checkNode(node, node.propertiesOrEmpty(), graph, incidents);
        }
        assertThat(found(incidents)).containsExactly(code(MISSING_PROPERTY, "d", "duration"),
                code(MISSING_PROPERTY, "u", "until"), code(MISSING_PROPERTY, "w", "weekday"),
                code(MISSING_PROPERTY, "t", "time"));
        assertThat(incidents.list().get(3).message()).isEqualTo("A delay in mode timeOfDay needs property time");
    }
}
