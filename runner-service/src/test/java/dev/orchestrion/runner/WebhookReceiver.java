package dev.orchestrion.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver inside the test JVM, on loopback (which the test profile allows outbound calls to): it records
 * every request it gets (headers, body, arrival) and answers with the status the test sets, after an optional delay.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, String> headers, String body, Instant at, long nanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every following request with this status. */
    public WebhookReceiver answering(int code) {
        status.set(code);
        return this;
    }

    /** Waits this long before answering. */
    public WebhookReceiver slowBy(Duration wait) {
        delay.set(wait);
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public int count() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        received.add(new Received(headers, body, at, nanos));
        try {
            Thread.sleep(delay.get().toMillis()); // the receiver is slow on purpose (not the test waiting)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            exchange.sendResponseHeaders(status.get(), -1);
        } catch (IOException e) {
            // the sender gave up waiting: that is what a slow receiver's test is about
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
