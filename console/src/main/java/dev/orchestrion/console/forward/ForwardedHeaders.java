package dev.orchestrion.console.forward;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the console. Towards a service only those an API call means (content negotiation,
 * preconditions, idempotency, tracing): never the browser's cookies, its Authorization or anything it could use to
 * speak for someone else; the console adds the session's bearer token. Back to the browser everything but
 * hop-by-hop headers and cookies a service might set.
 */
public final class ForwardedHeaders {

    private static final Set<String> TO_SERVICE = Set.of("accept", "accept-language", "content-type", "if-match",
            "if-none-match", "if-modified-since", "if-unmodified-since", "idempotency-key", "x-visibility",
            "traceparent", "tracestate");

    private static final Set<String> NOT_TO_BROWSER = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "set-cookie", "set-cookie2",
            "www-authenticate", "content-length", "location");

    private ForwardedHeaders() {
    }

    public static boolean toService(String name) {
        return TO_SERVICE.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Content-Length and Location are set by the forwarder itself (the body is streamed, Location rewritten). */
    public static boolean toBrowser(String name) {
        return !NOT_TO_BROWSER.contains(name.toLowerCase(Locale.ROOT));
    }
}
