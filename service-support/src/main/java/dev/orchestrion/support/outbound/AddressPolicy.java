package dev.orchestrion.support.outbound;

import java.net.InetAddress;
import java.util.Optional;

import dev.orchestrion.support.outbound.AddressClass.Kind;

/**
 * Decides whether the platform may open a connection to an IP address. Pure logic over the address bytes: only
 * globally routable unicast addresses are allowed, loopback with {@code allowLoopback}, the other non-public ranges
 * with {@code allowPrivate}; unspecified, multicast, broadcast and Teredo addresses never. An IPv6 address that embeds
 * an IPv4 one (IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64, 6to4) is judged by the IPv4 address it embeds,
 * because that is where a translator or tunnel delivers it.
 */
public final class AddressPolicy {

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressPolicy(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Why a connection to {@code address} is refused, or empty when it may be made. */
    public Optional<String> refusal(InetAddress address) {
        AddressClass found = classify(address);
        boolean allowed = switch (found.kind()) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback;
            case NON_PUBLIC -> allowPrivate;
            case NEVER -> false;
        };
        return allowed ? Optional.empty() : Optional.of("it is " + found.description());
    }

    /** What {@code address} is (see {@link AddressClass.Kind}). */
    public static AddressClass classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes, 0) : ipv6(bytes);
    }

    private static AddressClass ipv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        int d = bytes[at + 3] & 0xff;
        if (a == 0) {
            return AddressClass.of(Kind.NEVER, "in 0.0.0.0/8 (\"this network\", the unspecified address)");
        }
        if (a == 127) {
            return AddressClass.of(Kind.LOOPBACK, "a loopback address");
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return AddressClass.of(Kind.NON_PUBLIC, "a private address");
        }
        if (a == 169 && b == 254) {
            return AddressClass.of(Kind.NON_PUBLIC, "a link-local address");
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return AddressClass.of(Kind.NON_PUBLIC, "a shared (carrier-grade NAT) address");
        }
        if (a == 192 && b == 0 && c == 0) {
            return AddressClass.of(Kind.NON_PUBLIC, "an IETF protocol assignment (192.0.0.0/24)");
        }
        if ((a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return AddressClass.of(Kind.NON_PUBLIC, "a documentation address");
        }
        if (a == 192 && b == 88 && c == 99) {
            return AddressClass.of(Kind.NON_PUBLIC, "a 6to4 relay anycast address (192.88.99.0/24)");
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return AddressClass.of(Kind.NON_PUBLIC, "a benchmarking address (198.18.0.0/15)");
        }
        if ((a & 0xf0) == 224) {
            return AddressClass.of(Kind.NEVER, "a multicast address");
        }
        if (a == 255 && b == 255 && c == 255 && d == 255) {
            return AddressClass.of(Kind.NEVER, "the broadcast address");
        }
        if ((a & 0xf0) == 240) {
            return AddressClass.of(Kind.NON_PUBLIC, "a reserved address (240.0.0.0/4)");
        }
        return AddressClass.of(Kind.PUBLIC, "a public address");
    }

    private static AddressClass ipv6(byte[] bytes) {
        int w0 = word(bytes, 0);
        int w1 = word(bytes, 1);
        if (zero(bytes, 0, 16)) {
            return AddressClass.of(Kind.NEVER, "the unspecified address (::)");
        }
        if (zero(bytes, 0, 15) && bytes[15] == 1) {
            return AddressClass.of(Kind.LOOPBACK, "a loopback address");
        }
        if (zero(bytes, 0, 10) && word(bytes, 5) == 0xffff) {
            return embedding("an IPv4-mapped address (::ffff:0:0/96)", bytes, 12);
        }
        if (zero(bytes, 0, 8) && word(bytes, 4) == 0xffff && word(bytes, 5) == 0) {
            return embedding("an IPv4-translated address (::ffff:0:0:0/96)", bytes, 12);
        }
        if (zero(bytes, 0, 12)) {
            return embedding("an IPv4-compatible address (::/96)", bytes, 12);
        }
        if (w0 == 0x64 && w1 == 0xff9b && zero(bytes, 4, 12)) {
            return embedding("a NAT64 address (64:ff9b::/96)", bytes, 12);
        }
        if (w0 == 0x64 && w1 == 0xff9b && word(bytes, 2) == 1) {
            // Local-use NAT64 is never public, and one whose /96 form embeds loopback or worse is never a target.
            AddressClass embedded = ipv4(bytes, 12);
            Kind kind = embedded.kind() == Kind.PUBLIC || embedded.kind() == Kind.NON_PUBLIC
                    ? Kind.NON_PUBLIC
                    : Kind.NEVER;
            return AddressClass.of(kind, "a local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (w0 == 0x2002) {
            return embedding("a 6to4 address (2002::/16)", bytes, 2);
        }
        if (w0 == 0x2001 && w1 == 0) {
            // Teredo relays reach any client address; no switch makes that a known destination.
            return AddressClass.of(Kind.NEVER, "a Teredo tunnel address (2001::/32)");
        }
        if ((bytes[0] & 0xff) == 0xff) {
            return AddressClass.of(Kind.NEVER, "a multicast address");
        }
        if (w0 >= 0xfe80 && w0 <= 0xfebf) {
            return AddressClass.of(Kind.NON_PUBLIC, "a link-local address (fe80::/10)");
        }
        if (w0 >= 0xfec0 && w0 <= 0xfeff) {
            return AddressClass.of(Kind.NON_PUBLIC, "a site-local address (fec0::/10)");
        }
        if ((bytes[0] & 0xfe) == 0xfc) {
            return AddressClass.of(Kind.NON_PUBLIC, "a unique-local address (fc00::/7)");
        }
        if ((w0 == 0x2001 && w1 == 0x0db8) || (w0 == 0x3fff && (w1 & 0xf000) == 0)) {
            return AddressClass.of(Kind.NON_PUBLIC, "a documentation address");
        }
        if (w0 == 0x0100 && zero(bytes, 2, 8)) {
            return AddressClass.of(Kind.NON_PUBLIC, "a discard-only address (100::/64)");
        }
        if (w0 == 0x2001 && w1 <= 0x01ff) {
            return AddressClass.of(Kind.NON_PUBLIC, "an IETF protocol assignment (2001::/23)");
        }
        if ((bytes[0] & 0xe0) != 0x20) {
            return AddressClass.of(Kind.NON_PUBLIC, "not a global unicast address (outside 2000::/3)");
        }
        return AddressClass.of(Kind.PUBLIC, "a public address");
    }

    private static AddressClass embedding(String form, byte[] bytes, int at) {
        AddressClass embedded = ipv4(bytes, at);
        String ipv4 = (bytes[at] & 0xff) + "." + (bytes[at + 1] & 0xff) + "." + (bytes[at + 2] & 0xff) + "."
                + (bytes[at + 3] & 0xff);
        return AddressClass.of(embedded.kind(), form + " embedding " + ipv4 + ", " + embedded.description());
    }

    private static int word(byte[] bytes, int index) {
        return ((bytes[2 * index] & 0xff) << 8) | (bytes[2 * index + 1] & 0xff);
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
