package dev.orchestrion.definition.graph;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.DataConnector;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.ParameterSpec;
import dev.orchestrion.definition.model.Retry;
import dev.orchestrion.definition.model.Trigger;

/**
 * Decides whether a well-formed definition may run: collects every incident of docs/node-types.md ("Incidents") at
 * once. Pure logic: connections are looked up through the function given to {@link #validate}.
 */
public final class GraphValidator {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");
    private static final Pattern CONTENT_EVENT = Pattern.compile("[A-Za-z][\\w-]*\\.[A-Za-z][\\w-]*");
    private static final Pattern HOOK_PATH = Pattern.compile("[A-Za-z0-9._~{}-]+(/[A-Za-z0-9._~{}-]+)*");
    private static final Set<String> RETRY_ON = Set.of("any", "timeout", "network", "5xx", "4xx");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExpressionCompiler expressions;

    public GraphValidator(ExpressionCompiler expressions) {
        this.expressions = expressions;
    }

    /**
     * Every incident of {@code content}.
     *
     * @param connectionKinds the kind ({@code http}, {@code smtp}) of the tenant's connection of a name, or empty
     */
    public List<Incident> validate(DefinitionContent content, Function<String, Optional<String>> connectionKinds) {
        return validate(content, connectionKinds, definitionId -> true);
    }

    /**
     * Every incident of {@code content}.
     *
     * @param connectionKinds the kind ({@code http}, {@code smtp}) of the tenant's connection of a name, or empty
     * @param definitionExists whether the tenant has a (not deleted) definition of an id, for subWorkflow nodes
     */
    public List<Incident> validate(DefinitionContent content, Function<String, Optional<String>> connectionKinds,
            Predicate<String> definitionExists) {
        Run run = new Run(content.normalized(), connectionKinds, definitionExists);
        run.checkStartNodes();
        run.checkProperties();
        run.checkExecutionConnectors();
        run.checkReachability();
        run.checkCycles();
        run.checkDataConnectors();
        run.checkTrigger();
        run.checkDefinitionSettings();
        return List.copyOf(run.incidents);
    }

    private final class Run {

        final DefinitionContent content;
        final Function<String, Optional<String>> connectionKinds;
        final Predicate<String> definitionExists;
        final List<Incident> incidents = new ArrayList<>();
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Map<String, List<String>> successors = new HashMap<>();
        final Set<String> fedProperties = new HashSet<>();

        Run(DefinitionContent content, Function<String, Optional<String>> connectionKinds,
                Predicate<String> definitionExists) {
            this.content = content;
            this.connectionKinds = connectionKinds;
            this.definitionExists = definitionExists;
            content.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
            for (ExecutionConnector c : content.executionConnectors()) {
                if (nodes.containsKey(c.from()) && nodes.containsKey(c.to())) {
                    successors.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(c.to());
                }
            }
            content.dataConnectors().forEach(d -> fedProperties.add(d.to() + "\u0000" + d.property()));
        }

        void add(IncidentCode code, String nodeId, String property, String message) {
            incidents.add(Incident.of(code, nodeId, property, message));
        }

        List<Node> startNodes() {
            return nodes.values().stream().filter(n -> "start".equals(n.type())).toList();
        }

        void checkStartNodes() {
            List<Node> starts = startNodes();
            if (starts.isEmpty()) {
                add(IncidentCode.NO_START_NODE, null, null, "The graph has no start node");
            } else if (starts.size() > 1) {
                for (Node extra : starts.subList(1, starts.size())) {
                    add(IncidentCode.MULTIPLE_START_NODES, extra.id(), null, "The graph has " + starts.size()
                            + " start nodes; only one is allowed (the first is " + starts.get(0).id() + ")");
                }
            }
        }

        // ---- node properties

        void checkProperties() {
            for (Node node : nodes.values()) {
                NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
                if (type == null) {
                    continue; // rejected as malformed before validation
                }
                Map<String, JsonNode> properties = node.propertiesOrEmpty();
                for (PropertySpec spec : type.properties()) {
                    if (fedProperties.contains(node.id() + "\u0000" + spec.name())) {
                        continue; // a data connector supplies the value at run time
                    }
                    JsonNode value = properties.get(spec.name());
                    if (isAbsent(value)) {
                        if (spec.required()) {
                            add(IncidentCode.MISSING_PROPERTY, node.id(), spec.name(),
                                    "Node " + node.id() + " (" + node.type() + ") needs property " + spec.name());
                        }
                        continue;
                    }
                    checkValue(node, spec.name(), spec.format(), spec, value);
                }
                checkTypeSpecificRules(node, properties);
                checkRetryAndTimeout(node);
            }
        }

        void checkTypeSpecificRules(Node node, Map<String, JsonNode> properties) {
            switch (node.type()) {
                case "delay" -> {
                    JsonNode mode = properties.get("mode");
                    if (mode != null && mode.isTextual()) {
                        String needed = switch (mode.asText()) {
                            case "duration" -> "duration";
                            case "until" -> "until";
                            case "weekday" -> "weekday";
                            case "timeOfDay" -> "time";
                            default -> null;
                        };
                        if (needed != null && isAbsent(properties.get(needed)) && !isFed(node, needed)) {
                            add(IncidentCode.MISSING_PROPERTY, node.id(), needed,
                                    "A delay in mode " + mode.asText() + " needs property " + needed);
                        }
                    }
                }
                case "split" -> {
                    JsonNode branches = properties.get("branches");
                    if (branches != null && branches.isArray()) {
                        if (branches.size() < 2) {
                            add(IncidentCode.INVALID_PROPERTY, node.id(), "branches",
                                    "A split needs at least two branches");
                        }
                        JsonNode mode = properties.get("mode");
                        boolean weighted = mode != null && "weighted".equals(mode.asText());
                        long total = 0;
                        for (JsonNode branch : branches) {
                            total += branch.path("weight").asLong(0);
                        }
                        if (weighted && total <= 0) {
                            add(IncidentCode.INVALID_PROPERTY, node.id(), "branches",
                                    "A weighted split needs at least one branch with a positive weight");
                        }
                    }
                }
                case "choose" -> {
                    JsonNode cases = properties.get("cases");
                    if (cases != null && cases.isArray()) {
                        for (JsonNode c : cases) {
                            if ("default".equals(c.path("name").asText())) {
                                add(IncidentCode.INVALID_PROPERTY, node.id(), "cases",
                                        "A case may not be named default: that is the output taken when no case holds");
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }

        boolean isFed(Node node, String property) {
            return fedProperties.contains(node.id() + "\u0000" + property);
        }

        void checkValue(Node node, String property, String format, PropertySpec spec, JsonNode value) {
            String id = node.id();
            switch (format) {
                case "expression" -> {
                    if (!value.isTextual()) {
                        invalid(id, property, "must be an expression (a string)");
                    } else {
                        expressions.checkExpression(value.asText())
                                .ifPresent(problem -> add(IncidentCode.INVALID_EXPRESSION, id, property,
                                        "Expression does not compile: " + problem));
                    }
                }
                case "template" -> {
                    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                        invalid(id, property, "must be a template (a string)");
                    } else {
                        expressions.checkTemplate(value.asText())
                                .ifPresent(problem -> add(IncidentCode.INVALID_EXPRESSION, id, property,
                                        "Template does not compile: " + problem));
                    }
                }
                case "duration" -> checkDuration(id, property, value);
                case "instant" -> {
                    if (!value.isTextual()) {
                        invalid(id, property, "must be an ISO-8601 date-time or an expression");
                    } else if (!parsesAsInstant(value.asText())) {
                        expressions.checkExpression(value.asText()).ifPresent(problem -> add(
                                IncidentCode.INVALID_EXPRESSION, id, property,
                                "Neither an ISO-8601 date-time with offset nor a valid expression: " + problem));
                    }
                }
                case "time" -> {
                    if (!value.isTextual() || !TIME.matcher(value.asText()).matches()) {
                        invalid(id, property, "must be a time of day as HH:mm");
                    }
                }
                case "weekday" -> {
                    if (!value.isTextual() || !isWeekday(value.asText())) {
                        invalid(id, property, "must be a weekday, MONDAY to SUNDAY");
                    }
                }
                case "timeZone" -> {
                    if (!value.isTextual() || !isZone(value.asText())) {
                        invalid(id, property, "must be an IANA time zone such as Europe/Stockholm");
                    }
                }
                case "connection" -> {
                    if (!value.isTextual()) {
                        invalid(id, property, "must name a connection");
                    } else {
                        String wanted = spec.values() == null ? null : spec.values().get(0);
                        Optional<String> kind = connectionKinds.apply(value.asText());
                        if (kind.isEmpty()) {
                            add(IncidentCode.UNKNOWN_CONNECTION, id, property,
                                    "No connection named " + value.asText() + " exists");
                        } else if (wanted != null && !wanted.equals(kind.get())) {
                            add(IncidentCode.UNKNOWN_CONNECTION, id, property, "Connection " + value.asText()
                                    + " is of kind " + kind.get() + "; this node needs one of kind " + wanted);
                        }
                    }
                }
                case "string" -> {
                    if (!value.isTextual()) {
                        invalid(id, property, "must be a string");
                    } else if ("definitionId".equals(property) && !isUuid(value.asText())) {
                        invalid(id, property, "must be a definition id (a UUID)");
                    } else if ("definitionId".equals(property) && !definitionExists.test(value.asText())) {
                        add(IncidentCode.UNKNOWN_DEFINITION, id, property,
                                "No workflow definition " + value.asText() + " exists in this tenant");
                    } else if ("contentTransition".equals(node.type()) && "event".equals(property)
                            && !CONTENT_EVENT.matcher(value.asText()).matches()) {
                        invalid(id, property, "must be state.event, e.g. draft.submit");
                    }
                }
                case "integer" -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                        invalid(id, property, "must be an integer");
                    } else if ("chunkSize".equals(property) && value.asInt() < 1) {
                        invalid(id, property, "must be at least 1");
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        invalid(id, property, "must be true or false");
                    }
                }
                case "enum" -> {
                    if (!value.isTextual() || !spec.values().contains(value.asText())) {
                        invalid(id, property, "must be one of " + spec.values());
                    }
                }
                case "list" -> checkList(node, property, spec, value);
                case "map" -> {
                    if (!value.isObject()) {
                        invalid(id, property, "must be an object of name to " + spec.items());
                    } else {
                        value.fields().forEachRemaining(entry -> checkValue(node, property + "." + entry.getKey(),
                                spec.items(), spec, entry.getValue()));
                    }
                }
                default -> throw new IllegalStateException("Unknown property format " + format);
            }
        }

        void checkList(Node node, String property, PropertySpec spec, JsonNode value) {
            String id = node.id();
            if (!value.isArray()) {
                invalid(id, property, "must be a list");
                return;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String at = property + "[" + i + "]";
                switch (spec.items()) {
                    case "assignment", "case", "branch" -> {
                        String name = item.path("name").asText("");
                        if (!item.isObject() || name.isBlank()) {
                            invalid(id, at, "needs a name");
                            continue;
                        }
                        if (!names.add(name)) {
                            invalid(id, at, "name " + name + " is used twice");
                        }
                        if ("assignment".equals(spec.items())) {
                            checkNested(node, at + ".value", "expression", item.get("value"));
                        } else if ("case".equals(spec.items())) {
                            checkNested(node, at + ".condition", "expression", item.get("condition"));
                        } else {
                            JsonNode weight = item.get("weight");
                            if (weight != null && (!weight.isIntegralNumber() || weight.asLong() < 0)) {
                                invalid(id, at + ".weight", "must be an integer >= 0");
                            }
                        }
                    }
                    case "statusCode" -> {
                        boolean code = item.isIntegralNumber() && item.asInt() >= 100 && item.asInt() <= 599;
                        boolean statusClass = item.isTextual() && (STATUS_CLASS.matcher(item.asText()).matches()
                                || item.asText().matches("[1-5]\\d\\d"));
                        if (!code && !statusClass) {
                            invalid(id, at, "must be a status code (100-599) or a class such as 2xx");
                        }
                    }
                    default -> throw new IllegalStateException("Unknown list item format " + spec.items());
                }
            }
            if ("case".equals(spec.items()) && value.isEmpty()) {
                invalid(id, property, "needs at least one case");
            }
        }

        void checkNested(Node node, String property, String format, JsonNode value) {
            if (isAbsent(value)) {
                add(IncidentCode.MISSING_PROPERTY, node.id(), property, "Node " + node.id() + " needs " + property);
            } else {
                checkValue(node, property, format, null, value);
            }
        }

        void checkDuration(String nodeId, String property, JsonNode value) {
            if (!value.isTextual() || !isPositiveDuration(value.asText())) {
                invalid(nodeId, property, "must be a positive ISO-8601 duration such as PT30S or P1D");
            }
        }

        void checkRetryAndTimeout(Node node) {
            Retry retry = node.retry();
            if (retry != null) {
                if (retry.maxAttempts() != null && retry.maxAttempts() < 1) {
                    invalid(node.id(), "retry.maxAttempts", "must be at least 1");
                }
                if (retry.initialInterval() != null && !isPositiveDuration(retry.initialInterval())) {
                    invalid(node.id(), "retry.initialInterval", "must be a positive ISO-8601 duration");
                }
                if (retry.maxInterval() != null && !isPositiveDuration(retry.maxInterval())) {
                    invalid(node.id(), "retry.maxInterval", "must be a positive ISO-8601 duration");
                }
                if (retry.multiplier() != null && retry.multiplier() < 1.0) {
                    invalid(node.id(), "retry.multiplier", "must be at least 1.0");
                }
                if (retry.jitter() != null && (retry.jitter() < 0.0 || retry.jitter() > 1.0)) {
                    invalid(node.id(), "retry.jitter", "must be between 0.0 and 1.0");
                }
                if (retry.retryOn() != null) {
                    for (String kind : retry.retryOn()) {
                        if (!RETRY_ON.contains(kind)) {
                            invalid(node.id(), "retry.retryOn", "unknown kind " + kind + "; one of " + RETRY_ON);
                        }
                    }
                }
            }
            if (node.timeout() != null && !isPositiveDuration(node.timeout())) {
                invalid(node.id(), "timeout", "must be a positive ISO-8601 duration");
            }
        }

        void invalid(String nodeId, String property, String message) {
            add(IncidentCode.INVALID_PROPERTY, nodeId, property,
                    (nodeId == null ? "" : "Node " + nodeId + ": ") + property + " " + message);
        }

        // ---- execution connectors

        Set<String> outputsOf(Node node) {
            Set<String> outputs = new LinkedHashSet<>();
            NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
            if (type == null) {
                return outputs;
            }
            type.outputs().forEach(o -> outputs.add(o.name()));
            if (type.dynamicOutputs() != null) {
                JsonNode list = node.propertiesOrEmpty().get(type.dynamicOutputs());
                if (list != null && list.isArray()) {
                    list.forEach(item -> {
                        if (item.path("name").isTextual()) {
                            outputs.add(item.path("name").asText());
                        }
                    });
                }
            }
            return outputs;
        }

        void checkExecutionConnectors() {
            Set<String> used = new HashSet<>();
            for (ExecutionConnector c : content.executionConnectors()) {
                Node from = nodes.get(c.from());
                if (from == null) {
                    add(IncidentCode.UNKNOWN_CONNECTOR_NODE, c.from(), null,
                            "A connector leaves node " + c.from() + ", which does not exist");
                }
                if (!nodes.containsKey(c.to())) {
                    add(IncidentCode.UNKNOWN_CONNECTOR_NODE, c.from(), null, "A connector from " + c.from() + "."
                            + c.output() + " leads to node " + c.to() + ", which does not exist");
                }
                if (from == null) {
                    continue;
                }
                if (!outputsOf(from).contains(c.output())) {
                    add(IncidentCode.UNKNOWN_OUTPUT, from.id(), null, "Node " + from.id() + " (" + from.type()
                            + ") has no output " + c.output() + "; its outputs are " + outputsOf(from));
                }
                if (!used.add(c.from() + "\u0000" + c.output())) {
                    add(IncidentCode.DUPLICATE_OUTPUT_CONNECTOR, from.id(), null,
                            "Output " + c.output() + " of node " + from.id() + " has more than one connector");
                }
            }
            for (Node node : nodes.values()) {
                NodeType type = NodeTypeCatalog.find(node.type()).orElse(null);
                if (type == null) {
                    continue;
                }
                for (OutputSpec output : type.outputs()) {
                    boolean required = output.required() || (output.requiredWhenProperty() != null
                            && !isAbsent(node.propertiesOrEmpty().get(output.requiredWhenProperty())));
                    if (required && !used.contains(node.id() + "\u0000" + output.name())) {
                        add(IncidentCode.UNCONNECTED_OUTPUT, node.id(), null,
                                "Output " + output.name() + " of node " + node.id() + " must lead somewhere");
                    }
                }
            }
        }

        void checkReachability() {
            List<Node> starts = startNodes();
            if (starts.isEmpty()) {
                return; // NO_START_NODE says it all
            }
            Set<String> reached = reachableFrom(starts.stream().map(Node::id).toList());
            for (Node node : nodes.values()) {
                if (!reached.contains(node.id())) {
                    add(IncidentCode.UNREACHABLE_NODE, node.id(), null,
                            "No execution path from start reaches node " + node.id());
                }
            }
        }

        Set<String> reachableFrom(List<String> origins) {
            Set<String> reached = new HashSet<>(origins);
            Deque<String> queue = new ArrayDeque<>(origins);
            while (!queue.isEmpty()) {
                for (String next : successors.getOrDefault(queue.poll(), List.of())) {
                    if (reached.add(next)) {
                        queue.add(next);
                    }
                }
            }
            return reached;
        }

        /** Tarjan's strongly connected components over the graph without its forEach nodes. */
        void checkCycles() {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onStack = new HashSet<>();
            int[] counter = {0};
            for (Node node : nodes.values()) {
                if (!isLoop(node.id()) && !index.containsKey(node.id())) {
                    strongConnect(node.id(), index, low, stack, onStack, counter);
                }
            }
        }

        boolean isLoop(String nodeId) {
            Node node = nodes.get(nodeId);
            return node != null && "forEach".equals(node.type());
        }

        void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                Set<String> onStack, int[] counter) {
            index.put(v, counter[0]);
            low.put(v, counter[0]);
            counter[0]++;
            stack.push(v);
            onStack.add(v);
            for (String w : successors.getOrDefault(v, List.of())) {
                if (isLoop(w)) {
                    continue;
                }
                if (!index.containsKey(w)) {
                    strongConnect(w, index, low, stack, onStack, counter);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                boolean selfLoop = successors.getOrDefault(v, List.of()).contains(v);
                if (component.size() > 1 || selfLoop) {
                    List<String> ordered = nodes.keySet().stream().filter(component::contains).toList();
                    add(IncidentCode.CYCLE, ordered.get(0), null,
                            "Nodes " + ordered + " form an execution cycle that does not pass through a forEach node");
                }
            }
        }

        // ---- data connectors

        void checkDataConnectors() {
            for (DataConnector d : content.dataConnectors()) {
                Node from = nodes.get(d.from());
                Node to = nodes.get(d.to());
                if (from == null || to == null) {
                    add(IncidentCode.UNKNOWN_CONNECTOR_NODE, from == null ? d.from() : d.to(), d.property(),
                            "A data connector joins " + d.from() + " to " + d.to() + ", and "
                                    + (from == null ? d.from() : d.to()) + " does not exist");
                    continue;
                }
                NodeType fromType = NodeTypeCatalog.find(from.type()).orElse(null);
                NodeType toType = NodeTypeCatalog.find(to.type()).orElse(null);
                if (fromType == null || toType == null) {
                    continue;
                }
                Optional<PropertySpec> target = toType.property(d.property());
                if (target.isEmpty()) {
                    invalid(to.id(), d.property(), "is not a property of node type " + to.type()
                            + " (a data connector from " + from.id() + " feeds it)");
                    continue;
                }
                List<String> segments = pointerSegments(d.path());
                if (segments == null) {
                    invalid(to.id(), d.property(), "is fed from path " + d.path() + " of " + from.id()
                            + ", which is not a JSON Pointer such as /body/items");
                    continue;
                }
                if (from.id().equals(to.id()) || !reachableFrom(List.of(from.id())).contains(to.id())) {
                    add(IncidentCode.DATA_TYPE_MISMATCH, to.id(), d.property(), "Property " + d.property() + " of "
                            + to.id() + " reads from node " + from.id() + ", which does not run before it");
                    continue;
                }
                String sourceType = sourceType(fromType, segments);
                if (sourceType == null) {
                    add(IncidentCode.DATA_TYPE_MISMATCH, to.id(), d.property(), "Node " + from.id() + " (" + from.type()
                            + ") has no output data at " + d.path() + "; it has " + fromType.outputData().keySet());
                } else if (!accepts(target.get(), sourceType)) {
                    add(IncidentCode.DATA_TYPE_MISMATCH, to.id(), d.property(),
                            "Property " + d.property() + " of " + to.id() + " (" + target.get().format()
                                    + ") cannot take the " + sourceType + " at " + from.id() + d.path());
                }
            }
        }

        /** The JSON type at the path in a node type's output data, "any" when unknown, null when it cannot exist. */
        String sourceType(NodeType type, List<String> segments) {
            if (segments.isEmpty()) {
                return "object";
            }
            String field = segments.get(0);
            String fieldType = type.outputData().get(field);
            if (fieldType == null) {
                return type.outputData().containsKey(NodeTypeCatalog.ANY_FIELD) ? "any" : null;
            }
            if (segments.size() == 1) {
                return fieldType;
            }
            return Set.of("object", "array", "any").contains(fieldType) ? "any" : null;
        }

        boolean accepts(PropertySpec property, String valueType) {
            if ("any".equals(valueType)) {
                return true;
            }
            if ("items".equals(property.name()) && "expression".equals(property.format())) {
                return "array".equals(valueType); // forEach iterates over a list
            }
            return switch (property.format()) {
                case "expression" -> true;
                case "template", "string" -> !Set.of("object", "array").contains(valueType);
                case "integer" -> "integer".equals(valueType);
                case "boolean" -> "boolean".equals(valueType);
                case "list" -> "array".equals(valueType);
                case "map" -> "object".equals(valueType);
                default -> "string".equals(valueType);
            };
        }

        // ---- trigger and settings

        void checkTrigger() {
            Trigger t = content.trigger();
            String kind = t.kind() == null ? "api" : t.kind();
            switch (kind) {
                case "api" -> {
                }
                case "event" -> {
                    if (t.eventType() == null || t.eventType().isBlank()) {
                        trigger("eventType", "An event trigger needs an eventType");
                    }
                    if (t.filter() != null) {
                        expressions.checkExpression(t.filter())
                                .ifPresent(problem -> add(IncidentCode.INVALID_EXPRESSION, null, "trigger.filter",
                                        "The trigger filter does not compile: " + problem));
                    }
                }
                case "schedule" -> checkSchedule(t);
                case "http" -> {
                    if (t.method() == null || !HTTP_METHODS.contains(t.method())) {
                        trigger("method", "An http trigger needs a method, one of " + HTTP_METHODS);
                    }
                    if (t.path() == null || !HOOK_PATH.matcher(t.path()).matches()) {
                        trigger("path", "An http trigger needs a path template such as orders/{orderId}");
                    }
                    if (t.respondWith() != null && !Set.of("accepted", "result").contains(t.respondWith())) {
                        trigger("respondWith", "respondWith must be accepted or result");
                    }
                    if (t.responseTimeout() != null && !isPositiveDuration(t.responseTimeout())) {
                        trigger("responseTimeout", "responseTimeout must be a positive ISO-8601 duration");
                    }
                }
                default -> trigger("kind", "Unknown trigger kind " + kind);
            }
        }

        void checkSchedule(Trigger t) {
            boolean hasCron = t.cron() != null && !t.cron().isBlank();
            boolean hasInterval = t.interval() != null && !t.interval().isBlank();
            if (hasCron == hasInterval) {
                trigger(hasCron ? "cron" : "cron", "A schedule needs exactly one of cron or interval");
            }
            if (hasCron) {
                cronProblem(t.cron())
                        .ifPresent(problem -> trigger("cron", "Invalid cron " + t.cron() + ": " + problem));
            }
            if (hasInterval && !isPositiveDuration(t.interval())) {
                trigger("interval", "interval must be a positive ISO-8601 duration such as PT15M");
            }
            if (t.timeZone() != null && !isZone(t.timeZone())) {
                trigger("timeZone", "Unknown time zone " + t.timeZone());
            }
            if (t.window() != null) {
                if (t.window().from() == null || !TIME.matcher(t.window().from()).matches()) {
                    trigger("window.from", "window.from must be a time as HH:mm");
                }
                if (t.window().to() == null || !TIME.matcher(t.window().to()).matches()) {
                    trigger("window.to", "window.to must be a time as HH:mm");
                }
                if (t.window().days() != null) {
                    for (String day : t.window().days()) {
                        if (!isWeekday(day)) {
                            trigger("window.days", "Unknown weekday " + day);
                        }
                    }
                }
            }
            if (t.missedFirings() != null && !Set.of("fire-once", "skip").contains(t.missedFirings())) {
                trigger("missedFirings", "missedFirings must be fire-once or skip");
            }
        }

        void trigger(String field, String message) {
            add(IncidentCode.INVALID_TRIGGER, null, "trigger." + field, message);
        }

        void checkDefinitionSettings() {
            if (content.timeout() != null && !isPositiveDuration(content.timeout())) {
                invalid(null, "timeout", "must be a positive ISO-8601 duration such as PT1H");
            }
            for (ParameterSpec p : content.parameters()) {
                if (p.validations() != null && p.validations().pattern() != null) {
                    try {
                        Pattern.compile(p.validations().pattern());
                    } catch (PatternSyntaxException e) {
                        invalid(null, "parameters." + p.name() + ".validations.pattern",
                                "is not a valid regular expression: " + e.getDescription());
                    }
                }
                JsonNode defaultValue = p.defaultValue();
                if (defaultValue != null && !defaultValue.isNull() && !fitsType(p.type(), defaultValue)) {
                    invalid(null, "parameters." + p.name() + ".default", "is not a value of type " + p.type());
                }
            }
        }
    }

    // ---- value helpers (also used by the shape checks)

    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.asText().isBlank()) || (value.isContainerNode() && value.isEmpty());
    }

    static boolean fitsType(String type, JsonNode value) {
        return switch (type == null ? "" : type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "date" -> value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
        };
    }

    public static boolean isPositiveDuration(String text) {
        try {
            Duration duration = Duration.parse(text);
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean parsesAsInstant(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean isWeekday(String text) {
        try {
            DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
            return text.equals(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Why a five-field Unix cron expression is invalid, or empty. */
    public static Optional<String> cronProblem(String cron) {
        try {
            CRON.parse(cron).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The unescaped segments of a JSON Pointer (RFC 6901), or null when it is not one. */
    static List<String> pointerSegments(String pointer) {
        if (pointer == null) {
            return null;
        }
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/") || pointer.matches(".*~([^01]|$).*")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }
}
