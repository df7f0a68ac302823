package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.code;
import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.graph;
import static dev.orchestrion.definition.model.IncidentCode.CYCLE;
import static dev.orchestrion.definition.model.IncidentCode.DUPLICATE_OUTPUT_CONNECTOR;
import static dev.orchestrion.definition.model.IncidentCode.MULTIPLE_START_NODES;
import static dev.orchestrion.definition.model.IncidentCode.NO_START_NODE;
import static dev.orchestrion.definition.model.IncidentCode.UNCONNECTED_OUTPUT;
import static dev.orchestrion.definition.model.IncidentCode.UNKNOWN_CONNECTOR_NODE;
import static dev.orchestrion.definition.model.IncidentCode.UNKNOWN_OUTPUT;
import static dev.orchestrion.definition.model.IncidentCode.UNREACHABLE_NODE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphRulesTest {

    @Test
    void exactlyOneStartNode() {
        Incidents none = new Incidents();
        GraphRules.checkStartNodes(graph("[{'id':'end','type':'end'}]", "[]"), none);
        assertThat(found(none)).containsExactly(code(NO_START_NODE, null, null));

        Incidents two = new Incidents();
        GraphRules.checkStartNodes(
                graph("[{'id':'s1','type':'start'},{'id':'s2','type':'start'},{'id':'s3','type':'start'}]", "[]"), two);
        assertThat(found(two)).containsExactly(code(MULTIPLE_START_NODES, "s2", null),
                code(MULTIPLE_START_NODES, "s3", null));
    }

    @Test
    void connectorsJoinNodesThatExistByOutputsTheyHaveOncePerOutput() {
        Incidents incidents = new Incidents();
        GraphRules.checkExecutionConnectors(graph("[{'id':'start','type':'start'},{'id':'end','type':'end'}]", """
                [{'from':'ghost','output':'next','to':'end'},{'from':'start','output':'next','to':'nowhere'},
                 {'from':'start','output':'maybe','to':'end'},{'from':'start','output':'next','to':'end'}]"""),
                incidents);
        assertThat(found(incidents)).containsExactly(code(UNKNOWN_CONNECTOR_NODE, "ghost", null),
                code(UNKNOWN_CONNECTOR_NODE, "start", null), code(UNKNOWN_OUTPUT, "start", null),
                code(DUPLICATE_OUTPUT_CONNECTOR, "start", null));
    }

    @Test
    void requiredOutputsLeadSomewhereAndTimeoutOnlyWhenATimeoutIsSet() {
        Incidents incidents = new Incidents();
        GraphRules.checkExecutionConnectors(graph("""
                [{'id':'start','type':'start'},{'id':'w','type':'waitForEvent','properties':{'timeout':'PT1H'}},
                 {'id':'v','type':'waitForEvent'}]""", "[{'from':'start','output':'next','to':'w'}]"), incidents);
        assertThat(found(incidents)).containsExactly(code(UNCONNECTED_OUTPUT, "w", null));
    }

    @Test
    void everyNodeIsReachableFromStartUnlessThereIsNoStart() {
        Incidents incidents = new Incidents();
        GraphRules.checkReachability(
                graph("[{'id':'start','type':'start'},{'id':'end','type':'end'}," + "{'id':'orphan','type':'end'}]",
                        "[{'from':'start','output':'next','to':'end'}]"),
                incidents);
        assertThat(found(incidents)).containsExactly(code(UNREACHABLE_NODE, "orphan", null));

        Incidents noStart = new Incidents();
        GraphRules.checkReachability(graph("[{'id':'end','type':'end'}]", "[]"), noStart);
        assertThat(found(noStart)).isEmpty();
    }

    @Test
    void aCycleIsAnIncidentUnlessItPassesThroughAForEach() {
        String nodes = "[{'id':'a','type':'set'},{'id':'b','type':'set'},{'id':'loop','type':'forEach'}]";
        Incidents cycle = new Incidents();
        GraphRules.checkCycles(
                graph(nodes, "[{'from':'a','output':'next','to':'b'},{'from':'b','output':'next','to':'a'}]"), cycle);
        assertThat(found(cycle)).containsExactly(code(CYCLE, "a", null));
        assertThat(cycle.list().get(0).message()).contains("[a, b]");

        Incidents throughLoop = new Incidents();
        GraphRules.checkCycles(graph(nodes, """
                [{'from':'loop','output':'item','to':'a'},{'from':'a','output':'next','to':'b'},
                 {'from':'b','output':'next','to':'loop'}]"""), throughLoop);
        assertThat(found(throughLoop)).isEmpty();

        Incidents self = new Incidents();
        GraphRules.checkCycles(graph(nodes, "[{'from':'b','output':'next','to':'b'}]"), self);
        assertThat(found(self)).containsExactly(code(CYCLE, "b", null));
    }
}
