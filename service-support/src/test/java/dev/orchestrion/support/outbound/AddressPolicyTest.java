package dev.orchestrion.support.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address decision over every address form the outbound guard must tell apart. No DNS, no connection. */
class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(false, false);
    private final AddressPolicy loopbackAllowed = new AddressPolicy(true, false);
    private final AddressPolicy privateAllowed = new AddressPolicy(false, true);
    private final AddressPolicy bothAllowed = new AddressPolicy(true, true);

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "11.0.0.1", "126.255.255.255", "128.0.0.1",
            "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.255.255", "169.255.0.1",
            "192.167.255.255", "192.169.0.1", "192.0.1.1", "192.0.3.1", "198.17.255.255", "198.20.0.1",
            "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:4860:4860::8888",
            "2001:200::1", "::ffff:8.8.8.8", "64:ff9b::808:808", "64:ff9b::1.1.1.1", "2002:808:808::1",
            "2002:5db8:d822:1::"})
    void publicAddressesAreAllowed(String address) {
        assertThat(strict.refusal(ip(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 non-public ranges
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "192.0.0.1", "192.0.0.192", "192.0.2.1",
            "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.255", "192.88.99.1", "240.0.0.1",
            "254.255.255.255",
            // IPv6 non-public ranges
            "fe80::1", "febf:ffff::1", "fec0::1", "feff::1", "fc00::1", "fd12:3456:789a::1", "2001:db8::1", "3fff::1",
            "3fff:fff:ffff::1", "100::1", "2001:10::1", "2001:20::1", "2001:1ff::1", "4000::1", "64:ff9b:2::1",
            "::ffff:1:0:0:1",
            // IPv6 forms that embed a non-public IPv4 address
            "::ffff:0:10.0.0.1", "::10.0.0.1", "::169.254.169.254", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe",
            "64:ff9b::c0a8:101", "64:ff9b::6440:1", "64:ff9b:1::a00:1", "64:ff9b:1::808:808",
            "64:ff9b:1:abcd::a9fe:a9fe", "2002:a00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101:1::1", "2002:ac10:1::"})
    void nonPublicAddressesAreRefusedUnlessPrivateIsAllowed(String address) {
        assertThat(strict.refusal(ip(address))).as(address).isPresent();
        assertThat(loopbackAllowed.refusal(ip(address))).as(address).isPresent();
        assertThat(privateAllowed.refusal(ip(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "127.1.2.3", "::1", "::127.0.0.1", "::ffff:0:127.0.0.1",
            "64:ff9b::7f00:1", "2002:7f00:1::"})
    void loopbackIsRefusedUnlessLoopbackIsAllowed(String address) {
        assertThat(strict.refusal(ip(address))).as(address).get().asString().contains("loopback");
        assertThat(privateAllowed.refusal(ip(address))).as(address).isPresent();
        assertThat(loopbackAllowed.refusal(ip(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "0.255.255.255", "::", "::0.0.0.0", "::0.0.0.2", "::ffff:0.0.0.0",
            "64:ff9b::", "2002::", "224.0.0.1", "239.255.255.250", "255.255.255.255", "ff02::1", "ff05::2", "ff0e::1",
            "::ffff:224.0.0.1", "64:ff9b::e000:1", "2002:ffff:ffff::", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001::1", "2001:0:ffff:ffff::", "64:ff9b:1::7f00:1"})
    void unspecifiedMulticastBroadcastAndTeredoAreNeverAllowed(String address) {
        assertThat(bothAllowed.refusal(ip(address))).as(address).isPresent();
    }

    @Test
    void anIpv4MappedAddressHeldAsIpv6IsJudgedByItsIpv4Address() {
        // Java turns ::ffff:a.b.c.d text into an Inet4Address; a resolver may hand back the 16-byte form.
        assertThat(strict.refusal(mapped(169, 254, 169, 254))).get().asString().contains("embedding 169.254.169.254")
                .contains("link-local");
        assertThat(strict.refusal(mapped(10, 0, 0, 5))).get().asString().contains("private");
        assertThat(strict.refusal(mapped(127, 0, 0, 1))).get().asString().contains("loopback");
        assertThat(loopbackAllowed.refusal(mapped(127, 0, 0, 1))).isEmpty();
        assertThat(strict.refusal(mapped(8, 8, 8, 8))).isEmpty();
        assertThat(bothAllowed.refusal(mapped(0, 0, 0, 0))).isPresent();
    }

    @Test
    void refusalsSayWhatTheAddressIs() {
        assertThat(strict.refusal(ip("169.254.169.254"))).contains("it is a link-local address");
        assertThat(strict.refusal(ip("100.64.1.1"))).contains("it is a shared (carrier-grade NAT) address");
        assertThat(strict.refusal(ip("64:ff9b::a00:1")))
                .contains("it is a NAT64 address (64:ff9b::/96) embedding 10.0.0.1, a private address");
        assertThat(strict.refusal(ip("2002:a9fe:a9fe::1")))
                .contains("it is a 6to4 address (2002::/16) embedding 169.254.169.254, a link-local address");
        assertThat(strict.refusal(ip("::a00:1")))
                .contains("it is an IPv4-compatible address (::/96) embedding 10.0.0.1, a private address");
        assertThat(strict.refusal(ip("2001:0:4136:e378:8000:63bf:3fff:fdd2"))).get().asString().contains("Teredo");
        assertThat(strict.refusal(ip("fd00::1"))).get().asString().contains("unique-local");
    }

    @Test
    void theKindsDecideWhichSwitchAllowsWhat() {
        assertThat(AddressPolicy.classify(ip("8.8.8.8")).kind()).isEqualTo(AddressClass.Kind.PUBLIC);
        assertThat(AddressPolicy.classify(ip("127.0.0.1")).kind()).isEqualTo(AddressClass.Kind.LOOPBACK);
        assertThat(AddressPolicy.classify(ip("10.1.2.3")).kind()).isEqualTo(AddressClass.Kind.NON_PUBLIC);
        assertThat(AddressPolicy.classify(ip("0.0.0.0")).kind()).isEqualTo(AddressClass.Kind.NEVER);
        assertThat(AddressPolicy.classify(ip("64:ff9b::7f00:1")).kind()).isEqualTo(AddressClass.Kind.LOOPBACK);
        assertThat(AddressPolicy.classify(ip("64:ff9b::808:808")).kind()).isEqualTo(AddressClass.Kind.PUBLIC);
        assertThat(AddressPolicy.classify(ip("64:ff9b:1::808:808")).kind()).isEqualTo(AddressClass.Kind.NON_PUBLIC);
    }

    /** A literal address (never a name: no DNS). */
    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static InetAddress mapped(int a, int b, int c, int d) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
