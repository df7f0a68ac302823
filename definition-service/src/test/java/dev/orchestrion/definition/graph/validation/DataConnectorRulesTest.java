package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.definition;
import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.graph.NodeType;
import dev.orchestrion.definition.graph.NodeTypeCatalog;

class DataConnectorRulesTest {

    private static final String NODES = """
            [{'id':'start','type':'start'},{'id':'fetch','type':'http'},{'id':'loop','type':'forEach'},
             {'id':'check','type':'if'},{'id':'end','type':'end'}]""";
    private static final String EDGES = """
            [{'from':'start','output':'next','to':'check'},{'from':'check','output':'true','to':'fetch'},
             {'from':'fetch','output':'next','to':'loop'},{'from':'loop','output':'finished','to':'end'}]""";

    @Test
    void eachConnectorFeedsADeclaredPropertyFromANodeThatRunsBeforeWithDataOfAFittingType() {
        Incidents incidents = new Incidents();
        DataConnectorRules.check(new DefinitionGraph(definition(NODES, EDGES, """
                [{'from':'ghost','path':'/body','to':'end','property':'result'},
                 {'from':'fetch','path':'/body','to':'end','property':'colour'},
                 {'from':'fetch','path':'body','to':'end','property':'result'},
                 {'from':'fetch','path':'/body','to':'check','property':'condition'},
                 {'from':'fetch','path':'/nothing','to':'end','property':'result'},
                 {'from':'fetch','path':'/status','to':'loop','property':'items'},
                 {'from':'fetch','path':'/body/items','to':'loop','property':'items'}]""")), incidents);
        assertThat(found(incidents)).containsExactly("UNKNOWN_CONNECTOR_NODE ghost result",
                "INVALID_PROPERTY end colour", "INVALID_PROPERTY end result", "DATA_TYPE_MISMATCH check condition",
                "DATA_TYPE_MISMATCH end result", "DATA_TYPE_MISMATCH loop items");
    }

    @Test
    void theTypeAtAPathOfANodesOutputData() {
        NodeType http = NodeTypeCatalog.find("http").orElseThrow();
        NodeType set = NodeTypeCatalog.find("set").orElseThrow();
        assertThat(DataConnectorRules.sourceType(http, List.of())).isEqualTo("object");
        assertThat(DataConnectorRules.sourceType(http, List.of("status"))).isEqualTo("integer");
        assertThat(DataConnectorRules.sourceType(http, List.of("body", "items"))).isEqualTo("any");
        assertThat(DataConnectorRules.sourceType(http, List.of("status", "x"))).isNull();
        assertThat(DataConnectorRules.sourceType(http, List.of("nothing"))).isNull();
        assertThat(DataConnectorRules.sourceType(set, List.of("anything"))).isEqualTo("any");
    }

    @Test
    void whichPropertyFormatsTakeWhichTypes() {
        var items = NodeTypeCatalog.find("forEach").orElseThrow().property("items").orElseThrow();
        var url = NodeTypeCatalog.find("http").orElseThrow().property("url").orElseThrow();
        var html = NodeTypeCatalog.find("sendEmail").orElseThrow().property("html").orElseThrow();
        assertThat(DataConnectorRules.accepts(items, "array")).isTrue();
        assertThat(DataConnectorRules.accepts(items, "integer")).isFalse();
        assertThat(DataConnectorRules.accepts(url, "string")).isTrue();
        assertThat(DataConnectorRules.accepts(url, "object")).isFalse();
        assertThat(DataConnectorRules.accepts(html, "boolean")).isTrue();
        assertThat(DataConnectorRules.accepts(html, "string")).isFalse();
        assertThat(DataConnectorRules.accepts(html, "any")).isTrue();
    }
}
