package dev.orchestrion.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** One service as a client reaches it: a base URL and a bearer token, JSON in and out. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What came back: the status and the body (NullNode when empty). */
    public record Answer(int status, JsonNode body, String raw) {
    }

    private final String baseUrl;
    private final String token;

    public Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public Answer call(String method, String path, Object body) {
        try {
            String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode parsed = raw == null || raw.isBlank() ? NullNode.getInstance() : JSON.readTree(raw);
            return new Answer(response.statusCode(), parsed, raw);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls and fails (with the answer in the message) unless the status is {@code expected}. */
    public JsonNode expect(int expected, String method, String path, Object body) {
        Answer answer = call(method, path, body);
        if (answer.status() != expected) {
            throw new AssertionError(method + " " + baseUrl + path + ": expected " + expected + " but got "
                    + answer.status() + ": " + answer.raw());
        }
        return answer.body();
    }

    public JsonNode get(String path) {
        return expect(200, "GET", path, null);
    }
}
