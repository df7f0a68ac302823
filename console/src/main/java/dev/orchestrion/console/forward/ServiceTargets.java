package dev.orchestrion.console.forward;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where {@code /api/{service}/{path}?{query}} goes: the service's base URL (with any path prefix it has), then the
 * path as-is and the query as the browser sent it. The path is the router's normalized one, so "..", which could
 * climb out of the service's part of the URL, has already been resolved.
 */
public final class ServiceTargets {

    public static final String PREFIX = "/api/";

    private final Map<String, String> baseUrls = new TreeMap<>();

    public ServiceTargets(Map<String, String> configured) {
        configured.forEach((name, url) -> {
            URI uri = URI.create(url.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "orchestrion.console.services." + name + " is not an http(s) URL: " + url);
            }
            baseUrls.put(name, stripTrailingSlash(uri.toString()));
        });
    }

    /** A request forwarded to one service: which, its base URL, and the whole URL to call. */
    public record Target(String service, String baseUrl, String url) {

        /** The browser's view of a URL the service answered with (Location): under /api/{service} again. */
        public String browserLocation(String location) {
            if (location == null) {
                return null;
            }
            String basePath = URI.create(baseUrl).getRawPath();
            if (location.startsWith(baseUrl + "/") || location.equals(baseUrl)) {
                return PREFIX + service + location.substring(baseUrl.length());
            }
            if (location.startsWith("/") && !location.startsWith("//") && location.startsWith(basePath)) {
                return PREFIX + service + location.substring(basePath.length());
            }
            return location;
        }
    }

    /** The target of a request path below {@code /api/} and its raw query; empty for an unknown service. */
    public Optional<Target> resolve(String normalizedPath, String rawQuery) {
        if (normalizedPath == null || !normalizedPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = normalizedPath.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        String base = baseUrls.get(service);
        if (base == null) {
            return Optional.empty();
        }
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return Optional.of(new Target(service, base, base + path + query));
    }

    public java.util.Set<String> services() {
        return baseUrls.keySet();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
