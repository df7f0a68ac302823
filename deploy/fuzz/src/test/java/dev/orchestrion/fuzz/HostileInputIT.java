package dev.orchestrion.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.e2e.Api;
import dev.orchestrion.e2e.LocalPlatform;

/**
 * Drives every POST, PUT and PATCH endpoint of the four services (as their OpenAPI documents list them) with
 * malformed and hostile bodies, ids, query strings and media types, on the platform as {@code ./orchestrion up} runs
 * it, and checks what a client and an operator would see: no answer is a 5xx, every error is
 * {@code application/problem+json} with its status, and after every refusal the resource's GET and the count of
 * rows and documents of every store are unchanged. The request count is bounded ({@code -Dfuzz.requests}, 800 by
 * default; raise it for a longer run) and the run is reproducible ({@code -Dfuzz.seed}, printed at the start).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PROBLEM = "application/problem+json";
    private static final String[] ROLES = {"admin", "designer", "operator", "client", "content-editor",
            "content-approver"};

    private final String tenant = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    private final String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8);
    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final int requests = Integer.getInteger("fuzz.requests", 800);
    private final Random random = new Random(seed);

    private LocalPlatform platform;
    private StoreCounts stores;
    private String token;
    private final Map<String, String> baseUrls = new LinkedHashMap<>();
    /** Ids of resources that exist, by the collection path they live under ("/cases", "/api/v1/content/{type}"). */
    private final Map<String, String> ours = new LinkedHashMap<>();
    private final Map<String, String> theirs = new LinkedHashMap<>();
    private String contentType;
    private String apiKey;

    @BeforeAll
    void start() throws Exception {
        platform = LocalPlatform.start();
        baseUrls.put("case-service", platform.caseService());
        baseUrls.put("definition-service", platform.definitionService());
        baseUrls.put("runner-service", platform.runnerService());
        baseUrls.put("content-workflow-service", platform.contentService());
        token = platform.token(tenant, ROLES);
        stores = new StoreCounts(Integer.getInteger("e2e.port.postgres"), List.of("cases", "runner"),
                Integer.getInteger("e2e.port.mongo"), List.of("definitions", "content"));
        seed(tenant, token, ours);
        seed(victim, platform.token(victim, ROLES), theirs);
        System.out.printf("HostileInputIT: seed %d, %d requests, tenant %s; resources %s%n", seed, requests, tenant,
                ours);
    }

    @AfterAll
    void stop() {
        if (stores != null) {
            stores.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyWriteEndpointRefusesHostileInputWithAProblemAndChangesNothing() throws IOException {
        List<OpenApi.Operation> operations = new ArrayList<>();
        for (Map.Entry<String, String> service : baseUrls.entrySet()) {
            JsonNode document = JSON
                    .readTree(send("GET", service.getValue() + "/q/openapi?format=json", null, null, Map.of()).body());
            operations.addAll(new OpenApi(document).writes(service.getKey(), service.getValue()));
        }
        assertThat(operations).as("write operations found in the OpenAPI documents").hasSizeGreaterThan(30);

        Map<String, Long> baseline = stableCounts();
        Map<String, AtomicInteger> outcomes = new TreeMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < requests; i++) {
            OpenApi.Operation operation = operations.get(random.nextInt(operations.size()));
            Attack attack = Attack.values()[random.nextInt(Attack.values().length)];
            Probe probe = probe(operation, attack);
            String before = resourceBefore(operation, probe.path());
            Answer answer;
            try {
                answer = attack == Attack.HUGE_BODY
                        ? announceHugeBody(operation.method(), operation.baseUrl() + probe.path(), probe.contentType())
                        : Answer.of(send(operation.method(), operation.baseUrl() + probe.path(), probe.contentType(),
                                probe.body(), probe.headers()));
            } catch (IllegalStateException noAnswer) {
                failures.putIfAbsent(operation.describe() + " [" + attack + "] no answer",
                        operation.describe() + " [" + attack + "]: " + noAnswer.getMessage());
                continue;
            }
            int status = answer.statusCode();
            outcomes.computeIfAbsent(operation.service() + " " + (status / 100) + "xx", k -> new AtomicInteger())
                    .incrementAndGet();
            String what = operation.describe() + " [" + attack + "] -> " + status;
            String failure = check(answer);
            if (failure == null && status >= 400) {
                Map<String, Long> now = stores.snapshot();
                if (!now.equals(baseline)) {
                    failure = "a refused request changed the stores: " + difference(baseline, now);
                    baseline = stableCounts();
                } else if (before != null && !before.equals(resourceBefore(operation, probe.path()))) {
                    failure = "a refused request changed the resource " + probe.path();
                }
            } else if (status < 400) {
                baseline = stableCounts();
            }
            if (failure != null) {
                failures.putIfAbsent(operation.describe() + " [" + attack + "] " + status, what + ": " + failure
                        + "\n    sent " + excerpt(probe.body()) + "\n    got " + excerpt(answer.body()));
            }
        }
        System.out.printf("HostileInputIT: %d requests, outcomes %s%n", requests, outcomes);
        assertThat(failures.values()).as("hostile requests answered wrongly (seed %d)", seed).isEmpty();
    }

    /** What came back: the status, the content type and the body. */
    private record Answer(int statusCode, String contentType, String body) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        }
    }

    /**
     * A request announcing a 21 MB body, as a client uploading a large file does: the headers go first, and a service
     * must answer 413 from the Content-Length alone, before reading the body. (On a raw socket: Java 17's HttpClient
     * waits forever for a 100 Continue when the answer is a final status instead.)
     */
    private Answer announceHugeBody(String method, String url, String contentType) {
        URI uri = URI.create(url);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "Content-Length: "
                    + (21 * 1024 * 1024) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null) {
                throw new IllegalStateException("the connection closed without an answer");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            String type = "";
            int length = -1;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (code == 100) {
                return new Answer(code, type, "(the service asked for the body: it would read 21 MB)");
            }
            char[] body = new char[Math.max(length, 0)];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new Answer(code, type, new String(body, 0, read));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(method + " " + url + " (21 MB announced) failed: " + e.getMessage(), e);
        }
    }

    /** What a request may get wrong by its answer alone: a 5xx, or an error that is not a problem. */
    private static String check(Answer answer) {
        int status = answer.statusCode();
        if (status == 100) {
            return "a 21 MB body was going to be read instead of refused";
        }
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return null;
        }
        String type = answer.contentType();
        if (!type.startsWith(PROBLEM)) {
            return "the error is " + (type.isEmpty() ? "without a content type" : type) + ", not " + PROBLEM;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                return "the problem does not say its status and title";
            }
        } catch (IOException e) {
            return "the problem is not JSON";
        }
        return null;
    }

    /** The kinds of hostile request, each applied to a random operation. */
    enum Attack {
        FIELD, FIELD_AGAIN, DOCUMENT, PATH_ID, OTHER_TENANTS_ID, QUERY, MEDIA_TYPE, HUGE_BODY, HEADER, PLAUSIBLE
    }

    private record Probe(String path, String contentType, byte[] body, Map<String, String> headers) {
    }

    private Probe probe(OpenApi.Operation operation, Attack attack) throws IOException {
        JsonValues values = valuesFor(operation);
        String path = path(operation, attack == Attack.PATH_ID ? pathAttack() : null,
                attack == Attack.OTHER_TENANTS_ID ? theirs : ours);
        JsonNode plausible = operation.bodySchema().isMissingNode()
                ? JSON.createObjectNode()
                : values.plausible(operation.bodySchema(), null, 0);
        String json = JSON.writeValueAsString(plausible);
        String contentType = operation.mediaTypes().isEmpty() || operation.mediaTypes().get(0).contains("*")
                ? "application/json"
                : operation.mediaTypes().get(0);
        Map<String, String> headers = new LinkedHashMap<>();
        if (operation.path().startsWith("/hooks")) {
            headers.put("X-API-Key", apiKey);
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        switch (attack) {
            case FIELD, FIELD_AGAIN -> body = JSON.writeValueAsBytes(values.hostile(plausible));
            case DOCUMENT -> body = values.hostileDocument(json).getBytes(StandardCharsets.UTF_8);
            case QUERY -> {
                List<String> names = new ArrayList<>(operation.queryParameters());
                names.add("page");
                String name = names.get(random.nextInt(names.size()));
                path += (path.contains("?") ? "&" : "?") + name + "=" + encode(values.pick(JsonValues.HOSTILE_TEXT));
            }
            case MEDIA_TYPE -> contentType = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> "text/plain";
                case 2 -> "application/xml";
                default -> "application/json; charset=latin1";
            };
            case HUGE_BODY -> body = null; // announced, never sent: see announceHugeBody
            case HEADER -> headers.put(random.nextBoolean() ? "If-Match" : "Idempotency-Key",
                    values.pick(List.of("\"not-a-version\"", "-1", "x".repeat(5_000), "W/\"1\", \"2\"")));
            default -> {
                // FIELD-free: the plausible request as it is (it may well succeed)
            }
        }
        return new Probe(path, contentType, body, headers);
    }

    private JsonValues valuesFor(OpenApi.Operation operation) throws IOException {
        JsonNode document = documents.computeIfAbsent(operation.baseUrl(), url -> {
            try {
                return JSON.readTree(send("GET", url + "/q/openapi?format=json", null, null, Map.of()).body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return new JsonValues(new OpenApi(document), random, this::someId);
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    /** The operation's path with its parameters filled: a hostile value for one of them, or existing resources. */
    private String path(OpenApi.Operation operation, String hostile, Map<String, String> resources) {
        String path = operation.path();
        List<String> parameters = operation.pathParameters();
        String attacked = hostile == null || parameters.isEmpty()
                ? null
                : parameters.get(random.nextInt(parameters.size()));
        for (String parameter : parameters) {
            String value = parameter.equals(attacked) ? hostile : value(operation.path(), parameter, resources);
            path = path.replaceFirst("\\{" + java.util.regex.Pattern.quote(parameter) + "(:[^}]*)?}",
                    java.util.regex.Matcher.quoteReplacement(value));
        }
        return path;
    }

    private String value(String template, String parameter, Map<String, String> resources) {
        switch (parameter) {
            case "type", "name" :
                return resources == theirs ? resources.getOrDefault("contentType", contentType) : contentType;
            case "kind" :
                return "publish";
            case "n", "number" :
                return "1";
            case "tenant" :
                return tenant;
            case "path" :
                return "fuzz/path";
            default :
                break;
        }
        String collection = template.substring(0, template.indexOf("/{" + parameter));
        collection = collection.replaceAll("\\{[^}]*}", "{}");
        String id = resources.get(collection);
        return id != null ? id : UUID.randomUUID().toString();
    }

    private String pathAttack() {
        return List.of("not-a-uuid", "..%2F..%2Fetc", "%00", "%ED%A0%80", "%F0%9F%98%80", "x".repeat(9_000), "%20",
                "00000000-0000-0000-0000-000000000000").get(random.nextInt(8));
    }

    private String someId() {
        List<String> ids = new ArrayList<>(ours.values());
        ids.addAll(theirs.values());
        ids.add(UUID.randomUUID().toString());
        return ids.get(random.nextInt(ids.size()));
    }

    /** The resource a write addresses, as its GET shows it, or null when there is none to compare. */
    private String resourceBefore(OpenApi.Operation operation, String path) {
        if (operation.pathParameters().isEmpty() || operation.method().equals("POST") || path.contains("?")) {
            return null;
        }
        HttpResponse<String> answer = send("GET", operation.baseUrl() + path, null, null, Map.of());
        return answer.statusCode() == 200 ? answer.body() : null;
    }

    /** The store counts once they stop changing (an accepted request may have asynchronous effects). */
    private Map<String, Long> stableCounts() {
        AtomicReference<Map<String, Long>> previous = new AtomicReference<>(stores.snapshot());
        await().pollDelay(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(20))
                .until(() -> {
                    Map<String, Long> now = stores.snapshot();
                    return now.equals(previous.getAndSet(now));
                });
        return previous.get();
    }

    private void seed(String owner, String bearer, Map<String, String> resources) {
        Api cases = new Api(platform.caseService(), bearer);
        Api definitions = new Api(platform.definitionService(), bearer);
        Api runner = new Api(platform.runnerService(), bearer);
        Api content = new Api(platform.contentService(), bearer);
        resources.put("/cases",
                cases.expect(201, "POST", "/cases",
                        Map.of("firstName", "Fuzz", "lastName", "Seed", "email", "seed@example.com")).path("id")
                        .asText());
        String definition = definitions.expect(201, "POST", "/definitions", Map.of("name", "fuzz seed " + owner))
                .path("id").asText();
        resources.put("/definitions", definition);
        resources.put("/folders",
                definitions.expect(201, "POST", "/folders", Map.of("name", "fuzz folder")).path("id").asText());
        resources.put("/webhooks",
                runner.expect(201, "POST", "/webhooks",
                        Map.of("url", JsonValues.LOOPBACK_URL, "events", List.of("run.completed"))).path("id")
                        .asText());
        JsonNode key = runner.expect(201, "POST", "/api-keys",
                Map.of("name", "fuzz", "definitionIds", List.of(definition)));
        resources.put("/api-keys", key.path("id").asText());
        if (owner.equals(tenant)) {
            apiKey = key.path("key").asText();
        }
        String type = "fuzz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        content.expect(200, "PUT", "/api/v1/internal/contenttype/" + type,
                "{\"label\":\"Fuzz\",\"workflowId\":\"approval\",\"fields\":[{\"name\":\"title\",\"type\":\"text\","
                        + "\"required\":true,\"validations\":{\"maxLength\":100}}]}");
        resources.put("contentType", type);
        if (owner.equals(tenant)) {
            contentType = type;
        }
        String entry = content.expect(201, "POST", "/api/v1/content/" + type, Map.of("title", "Seed")).path("id")
                .asText();
        resources.put("/api/v1/content/{}", entry);
        resources.put("/api/v1/workflow/{}", entry);
    }

    private HttpResponse<String> send(String method, String url, String contentType, byte[] body,
            Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (contentType != null && body != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            request.method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String excerpt(byte[] body) {
        return body == null ? "(no body)" : excerpt(new String(body, StandardCharsets.UTF_8));
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "(none)";
        }
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() > 160 ? printable.substring(0, 160) + "... (" + text.length() + " chars)" : printable;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                changed.put(k, v + " -> " + after.get(k));
            }
        });
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                changed.put(k, "new: " + v);
            }
        });
        return changed.toString();
    }
}
