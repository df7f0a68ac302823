package dev.orchestrion.definition.graph.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/** Small definitions for the rule classes' tests, written as the JSON a designer sends. */
final class Graphs {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The tenant has an http connection crm and an smtp connection mailer, and definitions whose id starts 3b. */
    static final References REFERENCES = new References(
            name -> Optional.ofNullable(Map.of("crm", "http", "mailer", "smtp").get(name)), id -> id.startsWith("3b"));

    private Graphs() {
    }

    /** A normalized definition of these nodes and connectors (JSON arrays, single quotes for double). */
    static DefinitionContent definition(String nodes, String executionConnectors, String dataConnectors) {
        return read("{'name':'t','trigger':{'kind':'api'},'nodes':" + nodes + ",'executionConnectors':"
                + executionConnectors + ",'dataConnectors':" + dataConnectors + "}", DefinitionContent.class)
                .normalized();
    }

    static DefinitionGraph graph(String nodes, String executionConnectors) {
        return new DefinitionGraph(definition(nodes, executionConnectors, "[]"));
    }

    static Node node(String json) {
        return read(json, Node.class);
    }

    static JsonNode value(String json) {
        return read(json, JsonNode.class);
    }

    static Map<String, JsonNode> properties(Node node) {
        return node.propertiesOrEmpty();
    }

    /** Each incident as {@code CODE nodeId property}. */
    static List<String> found(Incidents incidents) {
        return incidents.list().stream().map(Graphs::describe).toList();
    }

    static String describe(Incident i) {
        return i.code() + " " + i.nodeId() + " " + i.property();
    }

    static String code(IncidentCode code, String nodeId, String property) {
        return code + " " + nodeId + " " + property;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json.replace('\'', '"'), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
