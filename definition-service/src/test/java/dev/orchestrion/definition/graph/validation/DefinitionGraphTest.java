package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.definition;
import static dev.orchestrion.definition.graph.validation.Graphs.graph;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DefinitionGraphTest {

    private static final String NODES = """
            [{'id':'start','type':'start'},{'id':'a','type':'set'},{'id':'a','type':'end'},{'id':'b','type':'end'},
             {'id':'c','type':'end'}]""";

    @Test
    void theFirstNodeOfAnIdCountsAndConnectorsLeadOnlyBetweenNodesThatExist() {
        DefinitionGraph graph = graph(NODES, """
                [{'from':'start','output':'next','to':'a'},{'from':'a','output':'next','to':'ghost'},
                 {'from':'ghost','output':'next','to':'b'},{'from':'a','output':'next','to':'b'}]""");
        assertThat(graph.node("a").type()).isEqualTo("set");
        assertThat(graph.nodeIds()).containsExactly("start", "a", "b", "c");
        assertThat(graph.successors("a")).containsExactly("b");
        assertThat(graph.successors("ghost")).isEmpty();
        assertThat(graph.startNodes()).extracting(n -> n.id()).containsExactly("start");
    }

    @Test
    void reachableFromFollowsExecutionConnectors() {
        DefinitionGraph graph = graph(NODES, """
                [{'from':'start','output':'next','to':'a'},{'from':'a','output':'next','to':'b'}]""");
        assertThat(graph.reachableFrom(List.of("start"))).containsExactlyInAnyOrder("start", "a", "b");
        assertThat(graph.reachableFrom(List.of("c"))).containsExactly("c");
    }

    @Test
    void aPropertyADataConnectorFeedsIsFed() {
        DefinitionGraph graph = new DefinitionGraph(
                definition(NODES, "[]", "[{'from':'start','path':'/nodeId','to':'b','property':'result'}]"));
        assertThat(graph.isFed(graph.node("b"), "result")).isTrue();
        assertThat(graph.isFed(graph.node("b"), "other")).isFalse();
        assertThat(graph.isFed(graph.node("c"), "result")).isFalse();
    }

    @Test
    void chooseAndSplitHaveAnOutputPerCaseOrBranch() {
        assertThat(DefinitionGraph.outputsOf(
                node("{'id':'r','type':'choose','properties':{'cases':" + "[{'name':'big'},{'name':'small'}]}}")))
                .containsExactly("default", "big", "small");
        assertThat(DefinitionGraph.outputsOf(
                node("{'id':'s','type':'split','properties':{'branches':" + "[{'name':'a'},{'weight':1}]}}")))
                .containsExactly("a");
        assertThat(DefinitionGraph.outputsOf(node("{'id':'i','type':'if'}"))).containsExactly("true", "false");
        assertThat(DefinitionGraph.outputsOf(node("{'id':'x','type':'teleport'}"))).isEmpty();
    }
}
