package dev.orchestrion.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on loopback standing for the systems around the platform: the endpoint an http node calls, and a
 * webhook subscriber. Every request is recorded; each path answers with a fixed status and JSON body.
 */
final class Receiver implements AutoCloseable {

    /** A request as it arrived: path, headers (lower-case names) and body. */
    record Request(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private record Answer(int status, String json) {
    }

    private final Map<String, Answer> answers = new TreeMap<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Makes {@code path} answer 200 with {@code json}. Unknown paths answer 204. */
    Receiver answer(String path, String json) {
        return answer(path, 200, json);
    }

    /** Makes {@code path} answer {@code status} with {@code json}, from the next request on. */
    Receiver answer(String path, int status, String json) {
        synchronized (answers) {
            answers.put(path, new Answer(status, json));
        }
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Request(exchange.getRequestMethod(), path, headers, body));
        Answer answer;
        synchronized (answers) {
            answer = answers.get(path);
        }
        if (answer == null) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
