package dev.orchestrion.support.outbound;

/**
 * What an IP address is, as far as calling it is concerned.
 *
 * @param kind which switch (if any) allows calling it
 * @param description what it is, for a refusal message ("a link-local address", "a NAT64 address embedding ...")
 */
public record AddressClass(Kind kind, String description) {

    /** The classes of address the outbound policy tells apart. */
    public enum Kind {
        /** Globally routable unicast: always allowed. */
        PUBLIC,
        /** 127.0.0.0/8 and ::1: allowed only with allow-loopback. */
        LOOPBACK,
        /** Private, link-local, shared, reserved, documentation, ...: allowed only with allow-private. */
        NON_PUBLIC,
        /** Never a destination (unspecified, multicast, broadcast, Teredo): refused whatever the switches say. */
        NEVER
    }

    static AddressClass of(Kind kind, String description) {
        return new AddressClass(kind, description);
    }
}
