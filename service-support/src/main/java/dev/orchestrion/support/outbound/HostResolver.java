package dev.orchestrion.support.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name (or a literal address) to its addresses. A bean, so that tests can answer for made-up names
 * without DNS and without any connection; production uses {@link #SYSTEM}.
 */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver (the JVM's DNS cache and /etc/hosts). Blocks. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * Every address of {@code host}, a name or a literal address (IPv6 without brackets). Blocks.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
