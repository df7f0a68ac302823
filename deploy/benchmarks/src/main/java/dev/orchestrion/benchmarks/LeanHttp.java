package dev.orchestrion.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 * Setup calls keep using {@link Platform#http()}.
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
        return CLIENT.request(options)
                .compose(request -> request.send(Buffer.buffer(body))
                        .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b.toString()))))
                .toCompletionStage().toCompletableFuture();
    }
}
