package dev.orchestrion.support.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The one decision every outbound call of the platform goes through (http nodes, OAuth2 token URLs, webhooks, run
 * callbacks, SMTP), at send time and, for stored targets, at save time. A host is resolved once; every address it
 * resolves to must be allowed by the {@link AddressPolicy}, and the caller connects to the address checked here (the
 * {@link Target}), so a DNS answer that changes in between cannot move the call elsewhere. Blocks on DNS: call it off
 * the event loop ({@link OutboundTargets} does).
 */
public final class OutboundGuard {

    private final AddressPolicy policy;
    private final HostResolver resolver;

    public OutboundGuard(AddressPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /**
     * A checked call target: connect to {@code address}:{@code port}, while the Host header and TLS SNI still name
     * the URL's host.
     */
    public record Target(URI url, InetAddress address, int port) {

        public boolean tls() {
            return "https".equalsIgnoreCase(url.getScheme());
        }
    }

    /** Send time: the address to connect to for an http(s) URL. @throws RefusedTarget when the call may not be made */
    public Target check(URI url) {
        String host = hostOf(url).orElseThrow(() -> new RefusedTarget(capitalized(unusable(url))));
        InetAddress address = checkHost(host);
        int port = url.getPort() > 0 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        return new Target(url, address, port);
    }

    /** Send time: the address to connect to for a host (SMTP). @throws RefusedTarget when the call may not be made */
    public InetAddress checkHost(String host) {
        List<InetAddress> addresses = resolve(host);
        if (addresses.isEmpty()) {
            throw new RefusedTarget("Unknown host " + host);
        }
        refusal(host, addresses).ifPresent(reason -> {
            throw new RefusedTarget(capitalized(reason));
        });
        return addresses.get(0);
    }

    /**
     * Save time: why {@code url} may not be stored as a call target, or empty. A host that does not resolve now is
     * accepted (it may exist by the time it is called); every call checks it again.
     */
    public Optional<String> refusalOnSave(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        Optional<String> host = hostOf(uri);
        if (host.isEmpty()) {
            return Optional.of(unusable(uri));
        }
        return hostRefusalOnSave(host.get());
    }

    /** Save time: why {@code host} may not be stored as a call target (SMTP), or empty; see {@link #refusalOnSave}. */
    public Optional<String> hostRefusalOnSave(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolve(host);
        } catch (RefusedTarget unknown) {
            return Optional.empty();
        }
        return refusal(host, addresses);
    }

    private Optional<String> refusal(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> reason = policy.refusal(address);
            if (reason.isPresent()) {
                return Optional
                        .of("calls to " + host + " (" + address.getHostAddress() + ") are refused: " + reason.get());
            }
        }
        return Optional.empty();
    }

    private List<InetAddress> resolve(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isBlank()) {
            throw new RefusedTarget("No host");
        }
        try {
            List<InetAddress> addresses = resolver.resolve(bare);
            return addresses == null ? List.of() : addresses;
        } catch (UnknownHostException e) {
            throw new RefusedTarget("Unknown host " + host);
        }
    }

    private static Optional<String> hostOf(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.empty();
        }
        String host = url.getHost();
        return host == null || host.isBlank() ? Optional.empty() : Optional.of(host);
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String unusable(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "only http and https URLs can be called, not " + url;
        }
        return "the URL has no host: " + url;
    }
}
