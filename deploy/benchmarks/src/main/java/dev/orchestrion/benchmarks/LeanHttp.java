package dev.orchestrion.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The HTTP client of the hot loops: non-blocking, keep-alive, on one Vert.x event loop. The load generator shares two
 * cores with the platform it measures, so what it spends per call is taken from the platform: the JDK HttpClient
 * spent about 0.3 ms of CPU per call here (its selector thread and future chains), this client a fraction of it.
 * Setup calls keep using {@link Platform#http()}; hot loops that build a JDK {@link HttpRequest} send it here.
 */
public final class LeanHttp {

    /** One answer: its status and its body as text. */
    public record Answer(int status, String body) {
    }

    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
            .setBlockedThreadCheckInterval(Duration.ofMinutes(1).toMillis()));
    private static final HttpClient CLIENT = VERTX.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(10_000),
            new PoolOptions().setHttp1MaxSize(512));

    private LeanHttp() {
    }

    public static Vertx vertx() {
        return VERTX;
    }

    public static CompletableFuture<Answer> post(String url, Map<String, String> headers, String body,
            Duration timeout) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        return exchange(options, Buffer.buffer(body));
    }

    /** Sends a JDK request (method, URI, headers, body, timeout) through this client. */
    public static CompletableFuture<Answer> send(HttpRequest request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(request.uri().toString())
                .setIdleTimeout(request.timeout().orElse(Duration.ofSeconds(30)).toMillis());
        request.headers().map().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        return exchange(options,
                request.bodyPublisher().map(LeanHttp::bytesOf).map(Buffer::buffer).orElse(Buffer.buffer()));
    }

    private static CompletableFuture<Answer> exchange(RequestOptions options, Buffer body) {
        return CLIENT.request(options)
                .compose(request -> request.send(body)
                        .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString()))))
                .toCompletionStage().toCompletableFuture();
    }

    /** The bytes of a body publisher (the in-memory ones benchmarks build publish at once, on subscription). */
    private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        return bytes.toByteArray();
    }
}
