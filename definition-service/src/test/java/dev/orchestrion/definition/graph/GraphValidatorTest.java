package dev.orchestrion.definition.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.definition.graph.validation.GraphValidator;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.IncidentCode;

class GraphValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GraphValidator VALIDATOR = new GraphValidator(new ExpressionCompiler());
    private static final Map<String, String> CONNECTIONS = Map.of("crm", "http", "mailer", "smtp", "credit-bureau",
            "http");
    private static final Function<String, Optional<String>> KINDS = name -> Optional.ofNullable(CONNECTIONS.get(name));

    static DefinitionContent definition(String nodes, String connectors) {
        return definition(nodes, connectors, "[]", "{\"kind\":\"api\"}");
    }

    static DefinitionContent definition(String nodes, String connectors, String dataConnectors, String trigger) {
        String json = "{\"name\":\"t\",\"trigger\":" + trigger + ",\"nodes\":" + nodes + ",\"executionConnectors\":"
                + connectors + ",\"dataConnectors\":" + dataConnectors + "}";
        try {
            return JSON.readValue(json, DefinitionContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String node(String id, String type, String properties) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"properties\":" + properties + "}";
    }

    static String edge(String from, String output, String to) {
        return "{\"from\":\"" + from + "\",\"output\":\"" + output + "\",\"to\":\"" + to + "\"}";
    }

    static String list(String... items) {
        return "[" + String.join(",", items) + "]";
    }

    static List<Incident> validate(DefinitionContent content) {
        return VALIDATOR.validate(content, KINDS);
    }

    static List<IncidentCode> codes(DefinitionContent content) {
        return validate(content).stream().map(Incident::code).toList();
    }

    static final String START = node("start", "start", "{}");
    static final String END = node("end", "end", "{}");

    @Test
    void theExamplesHaveNoIncidents() throws IOException {
        Path examples = Path.of(System.getProperty("orchestrion.root", "..")).resolve("docs/examples");
        for (String file : List.of("reference-workflow.json", "http-update-case.json")) {
            DefinitionContent content = JSON.readValue(Files.readString(examples.resolve(file)),
                    DefinitionContent.class);
            assertThat(DefinitionShape.check(content)).as(file).isEmpty();
            assertThat(validate(content)).as(file).isEmpty();
        }
    }

    @Test
    void noStartNodeAndMultipleStartNodes() {
        assertThat(codes(definition(list(END), "[]"))).containsExactly(IncidentCode.NO_START_NODE);
        List<Incident> two = validate(definition(list(START, node("start2", "start", "{}"), END),
                list(edge("start", "next", "end"), edge("start2", "next", "end"))));
        assertThat(two).extracting(Incident::code).containsExactly(IncidentCode.MULTIPLE_START_NODES);
        assertThat(two.get(0).nodeId()).isEqualTo("start2");
    }

    @Test
    void unreachableNode() {
        List<Incident> incidents = validate(
                definition(list(START, END, node("orphan", "end", "{}")), list(edge("start", "next", "end"))));
        assertThat(incidents).extracting(Incident::code, Incident::nodeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentCode.UNREACHABLE_NODE, "orphan"));
    }

    @Test
    void missingRequiredProperty() {
        List<Incident> incidents = validate(definition(list(START, node("check", "if", "{}"), END),
                list(edge("start", "next", "check"), edge("check", "true", "end"))));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IncidentCode.MISSING_PROPERTY);
            assertThat(i.nodeId()).isEqualTo("check");
            assertThat(i.property()).isEqualTo("condition");
        });
        // a delay needs the property its mode names
        assertThat(validate(definition(list(START, node("wait", "delay", "{\"mode\":\"duration\"}")),
                list(edge("start", "next", "wait"))))).extracting(Incident::code, Incident::property)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentCode.MISSING_PROPERTY, "duration"));
    }

    @Test
    void invalidPropertyFormats() {
        String nodes = list(START,
                node("wait", "delay", "{\"mode\":\"weekday\",\"weekday\":\"Funday\",\"time\":\"25:00\"}"),
                node("call", "http",
                        "{\"url\":\"https://x\",\"method\":\"FETCH\",\"successStatus\":[\"2xx\",\"9xx\"]}"),
                node("loop", "forEach", "{\"items\":\"[1,2]\",\"chunkSize\":0}"),
                node("pause", "waitForEvent", "{\"signal\":\"go\",\"timeout\":\"soon\"}"));
        List<Incident> incidents = validate(definition(nodes, list(edge("start", "next", "wait"),
                edge("wait", "next", "call"), edge("call", "next", "loop"), edge("loop", "finished", "pause"))));
        assertThat(incidents).filteredOn(i -> i.code() == IncidentCode.INVALID_PROPERTY)
                .extracting(Incident::nodeId, Incident::property)
                .contains(org.assertj.core.groups.Tuple.tuple("wait", "weekday"),
                        org.assertj.core.groups.Tuple.tuple("wait", "time"),
                        org.assertj.core.groups.Tuple.tuple("call", "method"),
                        org.assertj.core.groups.Tuple.tuple("call", "successStatus[1]"),
                        org.assertj.core.groups.Tuple.tuple("loop", "chunkSize"),
                        org.assertj.core.groups.Tuple.tuple("pause", "timeout"));
    }

    @Test
    void unknownConnectorNodeUnknownOutputAndDuplicateConnector() {
        List<Incident> incidents = validate(definition(
                list(START, node("check", "if", "{\"condition\":\"true\"}"), END, node("other", "end", "{}")),
                list(edge("start", "next", "check"), edge("check", "maybe", "end"), edge("check", "true", "end"),
                        edge("check", "true", "other"), edge("check", "false", "ghost"))));
        assertThat(incidents).extracting(Incident::code).containsExactlyInAnyOrder(IncidentCode.UNKNOWN_OUTPUT,
                IncidentCode.DUPLICATE_OUTPUT_CONNECTOR, IncidentCode.UNKNOWN_CONNECTOR_NODE);
    }

    @Test
    void chooseAndSplitOutputsComeFromTheirCasesAndBranches() {
        String choose = node("route", "choose",
                "{\"cases\":[{\"name\":\"big\",\"condition\":\"params.amount > 10\"}]}");
        String split = node("ab", "split", "{\"mode\":\"weighted\",\"branches\":[{\"name\":\"a\",\"weight\":1},"
                + "{\"name\":\"b\",\"weight\":3}]}");
        List<Incident> incidents = validate(definition(list(START, choose, split, END),
                list(edge("start", "next", "route"), edge("route", "big", "ab"), edge("route", "default", "end"),
                        edge("ab", "a", "end"), edge("ab", "c", "end"))));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IncidentCode.UNKNOWN_OUTPUT);
            assertThat(i.nodeId()).isEqualTo("ab");
        });
    }

    @Test
    void unconnectedRequiredOutputs() {
        assertThat(codes(definition(list(START), "[]"))).containsExactly(IncidentCode.UNCONNECTED_OUTPUT);
        String waiting = node("wait", "waitForEvent", "{\"signal\":\"approved\",\"timeout\":\"P1D\"}");
        List<Incident> incidents = validate(definition(list(START, waiting, END),
                list(edge("start", "next", "wait"), edge("wait", "received", "end"))));
        assertThat(incidents).extracting(Incident::code, Incident::nodeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentCode.UNCONNECTED_OUTPUT, "wait"));
    }

    @Test
    void unknownConnectionOrOneOfTheWrongKind() {
        String nodes = list(START, node("call", "http", "{\"connection\":\"nowhere\",\"url\":\"/x\"}"), node("mail",
                "sendEmail", "{\"connection\":\"crm\",\"to\":\"a@b.c\",\"subject\":\"s\",\"body\":\"b\"}"));
        List<Incident> incidents = validate(
                definition(nodes, list(edge("start", "next", "call"), edge("call", "next", "mail"))));
        assertThat(incidents).extracting(Incident::code, Incident::nodeId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(IncidentCode.UNKNOWN_CONNECTION, "call"),
                org.assertj.core.groups.Tuple.tuple(IncidentCode.UNKNOWN_CONNECTION, "mail"));
    }

    @Test
    void expressionsAndTemplatesThatDoNotCompile() {
        String nodes = list(START, node("check", "if", "{\"condition\":\"params.amount >\"}"),
                node("call", "http", "{\"url\":\"https://x/{{ case.id \",\"headers\":{\"X\":\"{{ nope( }}\"}}"),
                node("set", "set", "{\"assignments\":[{\"name\":\"a\",\"value\":\"unknownVar + 1\"}]}"));
        List<Incident> incidents = validate(definition(nodes,
                list(edge("start", "next", "check"), edge("check", "true", "call"), edge("call", "next", "set"))));
        assertThat(incidents).allMatch(i -> i.code() == IncidentCode.INVALID_EXPRESSION)
                .extracting(Incident::nodeId, Incident::property)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("check", "condition"),
                        org.assertj.core.groups.Tuple.tuple("call", "url"),
                        org.assertj.core.groups.Tuple.tuple("call", "headers.X"),
                        org.assertj.core.groups.Tuple.tuple("set", "assignments[0].value"));
    }

    @Test
    void theExpressionContextIsDeclared() {
        String expressions = "params.a + vars.b + nodes.fetch.body.id + case.email + trigger.kind + run.id"
                + " + string(index) + string(item) + string(now)";
        assertThat(new ExpressionCompiler().checkExpression(expressions)).isEmpty();
        assertThat(new ExpressionCompiler().checkExpression("now > timestamp('2026-01-01T00:00:00Z')")).isEmpty();
        assertThat(new ExpressionCompiler().checkExpression("[1,2].exists(x, x > 1)")).isEmpty();
    }

    @Test
    void dataConnectorTypeMismatchesAndOrder() {
        String nodes = list(START, node("fetch", "http", "{\"url\":\"https://x\"}"), node("loop", "forEach", "{}"),
                node("check", "if", "{\"condition\":\"true\"}"), END);
        String edges = list(edge("start", "next", "check"), edge("check", "true", "fetch"),
                edge("fetch", "next", "loop"), edge("loop", "finished", "end"));
        // status is an integer: a forEach cannot iterate over it; the if runs before fetch, so it cannot read fetch
        String data = list("{\"from\":\"fetch\",\"path\":\"/status\",\"to\":\"loop\",\"property\":\"items\"}",
                "{\"from\":\"fetch\",\"path\":\"/body\",\"to\":\"check\",\"property\":\"condition\"}",
                "{\"from\":\"fetch\",\"path\":\"/nothing\",\"to\":\"end\",\"property\":\"result\"}");
        List<Incident> incidents = validate(definition(nodes, edges, data, "{\"kind\":\"api\"}"));
        assertThat(incidents).extracting(Incident::code, Incident::nodeId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(IncidentCode.DATA_TYPE_MISMATCH, "loop"),
                org.assertj.core.groups.Tuple.tuple(IncidentCode.DATA_TYPE_MISMATCH, "check"),
                org.assertj.core.groups.Tuple.tuple(IncidentCode.DATA_TYPE_MISMATCH, "end"));

        String fine = list("{\"from\":\"fetch\",\"path\":\"/body/items\",\"to\":\"loop\",\"property\":\"items\"}");
        assertThat(validate(definition(nodes, edges, fine, "{\"kind\":\"api\"}"))).isEmpty();
    }

    @Test
    void cyclesAreAllowedOnlyThroughAForEach() {
        String a = node("a", "set", "{\"assignments\":[{\"name\":\"x\",\"value\":\"1\"}]}");
        String b = node("b", "set", "{\"assignments\":[{\"name\":\"y\",\"value\":\"2\"}]}");
        List<Incident> cycle = validate(definition(list(START, a, b),
                list(edge("start", "next", "a"), edge("a", "next", "b"), edge("b", "next", "a"))));
        assertThat(cycle).extracting(Incident::code).containsExactly(IncidentCode.CYCLE);
        assertThat(cycle.get(0).message()).contains("a", "b");

        String loop = node("loop", "forEach", "{\"items\":\"params.list\"}");
        List<Incident> throughLoop = validate(
                definition(list(START, loop, a, b, END), list(edge("start", "next", "loop"), edge("loop", "item", "a"),
                        edge("a", "next", "b"), edge("b", "next", "loop"), edge("loop", "finished", "end"))));
        assertThat(throughLoop).isEmpty();

        String self = node("again", "set", "{\"assignments\":[{\"name\":\"x\",\"value\":\"1\"}]}");
        assertThat(codes(
                definition(list(START, self), list(edge("start", "next", "again"), edge("again", "next", "again")))))
                .containsExactly(IncidentCode.CYCLE);
    }

    @Test
    void invalidTriggers() {
        String graph = list(START, END);
        String edges = list(edge("start", "next", "end"));
        assertThat(validate(definition(graph, edges, "[]", "{\"kind\":\"schedule\",\"cron\":\"61 * * * *\"}")))
                .extracting(Incident::code, Incident::property)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentCode.INVALID_TRIGGER, "trigger.cron"));
        assertThat(validate(definition(graph, edges, "[]",
                "{\"kind\":\"schedule\",\"cron\":\"0 9 * * MON-FRI\",\"timeZone\":\"Mars/Olympus\"}")))
                .extracting(Incident::property).containsExactly("trigger.timeZone");
        assertThat(validate(definition(graph, edges, "[]", "{\"kind\":\"schedule\"}"))).extracting(Incident::code)
                .containsExactly(IncidentCode.INVALID_TRIGGER);
        assertThat(validate(definition(graph, edges, "[]", "{\"kind\":\"event\"}"))).extracting(Incident::property)
                .containsExactly("trigger.eventType");
        assertThat(validate(definition(graph, edges, "[]",
                "{\"kind\":\"event\",\"eventType\":\"cart.abandoned\",\"filter\":\"trigger.data.total > \"}")))
                .extracting(Incident::code).containsExactly(IncidentCode.INVALID_EXPRESSION);
        assertThat(validate(definition(graph, edges, "[]", "{\"kind\":\"http\",\"method\":\"GET\"}")))
                .extracting(Incident::property).containsExactly("trigger.path");
        assertThat(validate(definition(graph, edges, "[]",
                "{\"kind\":\"schedule\",\"cron\":\"0 9 * * MON-FRI\",\"timeZone\":\"Europe/Stockholm\","
                        + "\"window\":{\"from\":\"08:00\",\"to\":\"18:00\",\"days\":[\"MONDAY\"]},"
                        + "\"singleInstance\":true}")))
                .isEmpty();
        assertThat(validate(definition(graph, edges, "[]",
                "{\"kind\":\"http\",\"method\":\"POST\",\"path\":\"orders/{orderId}\",\"respondWith\":\"result\"}")))
                .isEmpty();
    }

    @Test
    void shapeChecksRejectMalformedDefinitions() throws IOException {
        DefinitionContent content = definition(list(START, node("start", "end", "{}"), node("x", "teleport", "{}"),
                "{\"type\":\"end\",\"properties\":{}}", node("y", "if", "{\"condition\":\"true\",\"colour\":1}")),
                "[]");
        assertThat(DefinitionShape.check(content)).extracting(ShapeError::field)
                .containsExactlyInAnyOrder("nodes[1].id", "nodes[2].type", "nodes[3].id", "nodes[4].properties.colour");
        ObjectNode tooLong = (ObjectNode) JSON.readTree("{\"trigger\":{\"kind\":\"api\"}}");
        tooLong.put("name", "n".repeat(DefinitionShape.MAX_NAME + 1));
        assertThat(DefinitionShape.check(JSON.treeToValue(tooLong, DefinitionContent.class)))
                .extracting(ShapeError::field).containsExactly("name");
        assertThat(DefinitionShape.check(JSON.readValue("{}", DefinitionContent.class))).extracting(ShapeError::field)
                .containsExactly("name");
    }
}
