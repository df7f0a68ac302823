package dev.orchestrion.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The operations of one service as its OpenAPI document ({@code /q/openapi}) describes them. */
final class OpenApi {

    private static final Set<String> WRITES = Set.of("post", "put", "patch");

    /** One operation: where it is, what it takes. {@code bodySchema} is missing when it takes no body. */
    record Operation(String service, String baseUrl, String method, String path, List<String> pathParameters,
            List<String> queryParameters, List<String> mediaTypes, JsonNode bodySchema) {

        String describe() {
            return method + " " + service + path;
        }
    }

    private final JsonNode document;

    OpenApi(JsonNode document) {
        this.document = document;
    }

    /** Every POST, PUT and PATCH operation of the document. */
    List<Operation> writes(String service, String baseUrl) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!WRITES.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> pathParameters = new ArrayList<>();
                List<String> queryParameters = new ArrayList<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode p = resolve(parameter);
                    if ("path".equals(p.path("in").asText())) {
                        pathParameters.add(p.path("name").asText());
                    } else if ("query".equals(p.path("in").asText())) {
                        queryParameters.add(p.path("name").asText());
                    }
                }
                JsonNode content = resolve(operation.path("requestBody")).path("content");
                List<String> mediaTypes = new ArrayList<>();
                content.fieldNames().forEachRemaining(mediaTypes::add);
                JsonNode schema = MissingNode.getInstance();
                for (String mediaType : mediaTypes) {
                    if (content.path(mediaType).has("schema")) {
                        schema = content.path(mediaType).path("schema");
                        break;
                    }
                }
                operations.add(new Operation(service, baseUrl, method.getKey().toUpperCase(), path.getKey(),
                        pathParameters, queryParameters, mediaTypes, schema));
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); other nodes are returned as they are. */
    JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && hops++ < 20) {
            String ref = node.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }
}
