package dev.orchestrion.definition.graph;

import static dev.orchestrion.definition.graph.PropertySpec.optional;
import static dev.orchestrion.definition.graph.PropertySpec.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node types runner-service executes, with their properties and execution outputs: the catalog of
 * docs/node-types.md ("Node types"), served at {@code GET /node-types}. Keep the two in step (NodeTypeCatalogDocTest
 * compares them).
 */
public final class NodeTypeCatalog {

    /** Output data whose field names come from the node's own properties ({@code set}, {@code end}). */
    public static final String ANY_FIELD = "*";

    private static final List<NodeType> TYPES = List.of(
            type("start", "The one entry point of the graph; its error output is the path taken when any node fails.",
                    List.of(),
                    List.of(OutputSpec.required("next", "the first node to run"),
                            OutputSpec.of("error", "taken when any node fails for good")),
                    null, data("nodeId", "string", "nodeType", "string", "message", "string", "attempts", "integer")),
            type("set", "Assigns variables, in order; each is visible to the next as vars.<name>.",
                    List.of(required("assignments", "list", "list of {name, value: expression}").items("assignment")),
                    next(), null, data(ANY_FIELD, "any")),
            type("if", "Takes the true or the false output.",
                    List.of(required("condition", "expression", "must evaluate to a bool")),
                    List.of(OutputSpec.of("true", "the condition holds"), OutputSpec.of("false", "it does not")), null,
                    data("result", "boolean")),
            type("choose", "Takes the output of the first case whose condition holds, or default.",
                    List.of(required("cases", "list", "at least one {name, condition: expression}").items("case")),
                    List.of(OutputSpec.of("default", "no case holds")), "cases", data("case", "string")),
            type("split", "Takes one branch at random, with equal chance or by weights.",
                    List.of(optional("mode", "enum", "random", "random: equal chance; weighted: by weights")
                            .values("random", "weighted"),
                            required("branches", "list", "at least two {name, weight: integer >= 0}").items("branch")),
                    List.of(), "branches", data("branch", "string")),
            type("forEach", "Runs the item output once per element (or chunk) of a list, then finished.",
                    List.of(required("items", "expression", "evaluates to a list"),
                            optional("chunkSize", "integer", null, ">= 1: item is then a list of up to that many"),
                            optional("collect", "expression", null,
                                    "evaluated after each item, gathered into results")),
                    List.of(OutputSpec.of("item", "run once per element or chunk"),
                            OutputSpec.of("finished", "after the last element; also for an empty list")),
                    null, data("count", "integer", "results", "array")),
            type("delay", "Waits for a duration, until an instant, the next weekday or a time of day.", List.of(
                    required("mode", "enum", "which of the other properties applies").values("duration", "until",
                            "weekday", "timeOfDay"),
                    optional("duration", "duration", null, "for mode duration"),
                    optional("until", "instant", null, "for mode until"),
                    optional("weekday", "weekday", null, "for mode weekday: the next such day at time"),
                    optional("time", "time", null, "for modes weekday (default 00:00) and timeOfDay"),
                    optional("timeZone", "timeZone", "UTC", "IANA time zone")), next(), null,
                    data("resumedAt", "string")),
            type("waitForEvent", "Waits for a signal (POST /workflows/{id}/signals/{name}), optionally with a timeout.",
                    List.of(required("signal", "string", "the signal name"),
                            optional("timeout", "duration", null, "how long to wait")),
                    List.of(OutputSpec.of("received", "the signal arrived"),
                            new OutputSpec("timeout", false, "timeout", "the timeout passed first")),
                    null, data("signal", "string", "data", "any", "timedOut", "boolean")),
            type("http", "Calls an HTTP endpoint, optionally through a connection of kind http.",
                    List.of(optional("connection", "connection", null,
                            "its endpoint prefixes a relative url; its credentials authenticate the call")
                            .values("http"),
                            optional("method", "enum", "GET", "the HTTP method").values("GET", "POST", "PUT", "PATCH",
                                    "DELETE", "HEAD", "OPTIONS"),
                            required("url", "template", "absolute, or relative to the connection's endpoint"),
                            optional("headers", "map", null, "header name to template").items("template"),
                            optional("query", "map", null, "query parameter name to template").items("template"),
                            optional("body", "expression", null, "its value is sent as JSON"),
                            optional("successStatus", "list", List.of("2xx"), "status codes or classes such as 2xx")
                                    .items("statusCode")),
                    next(), null, data("status", "integer", "headers", "object", "body", "any")),
            type("sendEmail", "Sends an email through a connection of kind smtp.",
                    List.of(required("connection", "connection", "a connection of kind smtp").values("smtp"),
                            required("to", "template", "comma-separated addresses"),
                            required("subject", "template", "the subject line"),
                            required("body", "template", "the message text"),
                            optional("html", "boolean", false, "whether body is HTML")),
                    next(), null, data("messageId", "string", "to", "string")),
            type("subWorkflow", "Runs another active definition of the tenant as a child run.",
                    List.of(required("definitionId", "string", "the child definition's id"),
                            optional("parameters", "map", null, "parameter name to expression").items("expression"),
                            optional("wait", "boolean", true, "resume when the child ends")),
                    next(), null, data("runId", "string", "status", "string", "result", "any")),
            type("updateCase", "Merge-patches the run's case.",
                    List.of(required("patch", "map", "case field to expression").items("expression")), next(), null,
                    data("case", "object")),
            type("contentTransition", "Invokes a workflow event on a content entry.",
                    List.of(required("contentType", "string", "the entry's content type"),
                            required("entryId", "template", "the entry's id"),
                            required("event", "string", "state.event, e.g. draft.submit"),
                            optional("message", "template", null, "the audit message")),
                    next(), null, data("entryId", "string", "state", "string")),
            type("end", "Ends the run; result maps names to expressions for the run's result.",
                    List.of(optional("result", "map", null, "name to expression").items("expression")), List.of(), null,
                    data(ANY_FIELD, "any")),
            type("fail", "Fails the run with a message.", List.of(required("message", "template", "why the run fails"),
                    optional("code", "string", null, "a code for the failure")), List.of(), null, Map.of()));

    private static final Map<String, NodeType> BY_TYPE;

    static {
        Map<String, NodeType> byType = new LinkedHashMap<>();
        TYPES.forEach(t -> byType.put(t.type(), t));
        BY_TYPE = java.util.Collections.unmodifiableMap(byType);
    }

    private NodeTypeCatalog() {
    }

    public static List<NodeType> all() {
        return TYPES;
    }

    public static Optional<NodeType> find(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    private static NodeType type(String type, String description, List<PropertySpec> properties,
            List<OutputSpec> outputs, String dynamicOutputs, Map<String, String> outputData) {
        return new NodeType(type, description, properties, outputs, dynamicOutputs, outputData);
    }

    private static List<OutputSpec> next() {
        return List.of(OutputSpec.of("next", "the node that runs next"));
    }

    private static Map<String, String> data(String... fieldsAndTypes) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            data.put(fieldsAndTypes[i], fieldsAndTypes[i + 1]);
        }
        return data;
    }
}
