package dev.orchestrion.definition;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import dev.orchestrion.support.outbound.HostResolver;

/**
 * The resolver of definition-service under test: made-up {@code .test} names answer fixed addresses, literals parse, localhost
 * is 127.0.0.1, and every other name is unknown. It never asks DNS, so no test makes the platform look up or connect
 * to anything outside this machine; refusals happen before any connection.
 */
@Singleton
public class MadeUpHosts implements HostResolver {

    private static final Map<String, String> ADDRESSES = new ConcurrentHashMap<>(
            Map.of("internal.test", "10.0.0.5", "metadata.test", "169.254.169.254", "nat64.test", "64:ff9b::a00:1",
                    "sixtofour.test", "2002:a9fe:a9fe::1", "compat.test", "::a9fe:a9fe", "teredo.test",
                    "2001:0:4136:e378:8000:63bf:3fff:fdd2", "localhost", "127.0.0.1"));

    /** Points {@code host} at {@code address} from now on (as a DNS change would). */
    public static void point(String host, String address) {
        ADDRESSES.put(host, address);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String literal = ADDRESSES.getOrDefault(host, host);
        if (literal.contains(":") || literal.matches("[0-9.]+")) {
            return List.of(InetAddress.getByName(literal)); // a literal address: parsed, never looked up
        }
        throw new UnknownHostException(host + " is not a made-up test host");
    }
}
