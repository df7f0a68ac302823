package dev.orchestrion.runner.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.orchestrion.runner.config.RunnerConfig;

/**
 * Decides whether an outbound call (http node, webhook, email) may go to a host: loopback, link-local, private and
 * other non-public addresses are refused unless configured. The host is resolved once and the call is pinned to
 * the address checked here, so a DNS answer that changes in between cannot redirect it.
 */
@ApplicationScoped
public class OutboundTargetGuard {

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    @Inject
    public OutboundTargetGuard(RunnerConfig config) {
        this(config.outbound().allowLoopback(), config.outbound().allowPrivate());
    }

    public OutboundTargetGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Refused: the target is not allowed, or not a usable URL. */
    public static final class RefusedTarget extends RuntimeException {

        public RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }

    /** Checks an http(s) URL and answers the address to connect to. Blocks on DNS: call it off the event loop. */
    public InetAddress check(URI uri) {
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new RefusedTarget("Only http and https URLs can be called, not " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("The URL has no host: " + uri);
        }
        return checkHost(uri.getHost());
    }

    /** Checks a host name or literal address and answers the address to connect to. */
    public InetAddress checkHost(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("Unknown host " + host);
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new RefusedTarget(
                        "Calls to " + host + " (" + address.getHostAddress() + ") are refused: " + refusal);
            }
        }
        return addresses[0];
    }

    String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "it is a loopback address";
        }
        if (allowPrivate) {
            return null;
        }
        if (address.isAnyLocalAddress()) {
            return "it is the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "it is a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "it is a private address";
        }
        if (address.isMulticastAddress()) {
            return "it is a multicast address";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "it is a shared (carrier-grade NAT) address";
            }
            if (first == 0 || first >= 240 || (first == 198 && (second == 18 || second == 19))) {
                return "it is a reserved address";
            }
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return "it is a unique-local address";
        }
        return null;
    }
}
