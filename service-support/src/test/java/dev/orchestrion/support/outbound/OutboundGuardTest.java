package dev.orchestrion.support.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The guard over URLs and hosts, with a resolver that answers from a table: no DNS, no connection. */
class OutboundGuardTest {

    private static final Map<String, List<InetAddress>> HOSTS = Map.of("internal.test", ips("10.0.0.5"),
            "metadata.test", ips("169.254.169.254"), "nat64.test", ips("64:ff9b::a00:1"), "sixtofour.test",
            ips("2002:a9fe:a9fe::1"), "public.test", ips("93.184.216.34"), "mixed.test",
            ips("93.184.216.34", "10.0.0.5"), "localhost", ips("127.0.0.1"), "v6.test", ips("2606:4700::1"));

    private final List<String> asked = new ArrayList<>();
    private final HostResolver table = host -> {
        asked.add(host);
        List<InetAddress> known = HOSTS.get(host);
        if (known != null) {
            return known;
        }
        if (host.contains(":") || host.matches("[0-9.]+")) {
            return List.of(InetAddress.getByName(host)); // a literal: parsed, never looked up
        }
        throw new UnknownHostException(host);
    };
    private final OutboundGuard guard = new OutboundGuard(new AddressPolicy(false, false), table);

    @Test
    void aUrlWhoseHostResolvesToARefusedAddressIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> guard.check(URI.create("http://internal.test/api"))).isInstanceOf(RefusedTarget.class)
                .hasMessage("Calls to internal.test (10.0.0.5) are refused: it is a private address");
        assertThatThrownBy(() -> guard.check(URI.create("https://metadata.test/latest/meta-data")))
                .hasMessageContaining("169.254.169.254").hasMessageContaining("link-local");
        assertThatThrownBy(() -> guard.check(URI.create("http://nat64.test/"))).hasMessageContaining("NAT64")
                .hasMessageContaining("embedding 10.0.0.1");
        assertThatThrownBy(() -> guard.check(URI.create("http://sixtofour.test/"))).hasMessageContaining("6to4");
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:8080/"))).hasMessageContaining("loopback");
    }

    @Test
    void literalAddressesInEveryFormAreChecked() {
        for (String url : List.of("http://10.1.2.3/", "http://169.254.169.254/latest", "http://[::1]/",
                "http://[::ffff:10.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/",
                "http://[64:ff9b:1::a00:1]/", "http://[::10.0.0.1]/", "http://[2002:a00:1::]/",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[fe80::1]/", "http://[fd00::1]:8443/",
                "http://0.0.0.0:8080/", "http://[::]/", "http://127.0.0.1:9/", "http://100.64.0.1/")) {
            assertThatThrownBy(() -> guard.check(URI.create(url))).as(url).isInstanceOf(RefusedTarget.class)
                    .hasMessageContaining("are refused");
        }
        // The resolver gets an IPv6 literal without its brackets.
        assertThat(asked).contains("64:ff9b::a9fe:a9fe");
    }

    @Test
    void aHostWithOneRefusedAddressAmongOthersIsRefused() {
        assertThatThrownBy(() -> guard.check(URI.create("https://mixed.test/"))).hasMessageContaining("10.0.0.5");
    }

    @Test
    void anAllowedTargetIsPinnedToTheAddressCheckedWithItsPort() {
        OutboundGuard.Target target = guard.check(URI.create("https://public.test:8443/p?q=1"));
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.tls()).isTrue();
        assertThat(guard.check(URI.create("http://public.test/")).port()).isEqualTo(80);
        assertThat(guard.check(URI.create("https://v6.test/")).port()).isEqualTo(443);
        assertThat(guard.check(URI.create("http://[64:ff9b::808:808]/")).address().getHostAddress())
                .isEqualTo("64:ff9b:0:0:0:0:808:808");
    }

    @Test
    void theHostIsResolvedOnceAndTheAnswerCheckedIsTheAnswerUsed() {
        // A resolver that would answer a private address the second time it is asked (DNS rebinding).
        AtomicInteger calls = new AtomicInteger();
        OutboundGuard rebinding = new OutboundGuard(new AddressPolicy(false, false),
                host -> calls.incrementAndGet() == 1 ? ips("93.184.216.34") : ips("10.0.0.5"));
        OutboundGuard.Target target = rebinding.check(URI.create("http://rebind.test/"));
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(calls).hasValue(1);
    }

    @Test
    void theSwitchesAllowLoopbackAndPrivateTargets() {
        OutboundGuard loopback = new OutboundGuard(new AddressPolicy(true, false), table);
        assertThat(loopback.check(URI.create("http://localhost:8080/")).address().getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> loopback.check(URI.create("http://internal.test/"))).isInstanceOf(RefusedTarget.class);
        OutboundGuard internal = new OutboundGuard(new AddressPolicy(false, true), table);
        assertThat(internal.check(URI.create("http://internal.test/")).address().getHostAddress())
                .isEqualTo("10.0.0.5");
        assertThat(internal.checkHost("nat64.test").getHostAddress()).isEqualTo("64:ff9b:0:0:0:0:a00:1");
        assertThatThrownBy(() -> internal.check(URI.create("http://localhost/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> internal.check(URI.create("http://0.0.0.0/"))).hasMessageContaining("0.0.0.0/8");
    }

    @Test
    void aBareHostIsCheckedLikeAUrlsHost() {
        assertThatThrownBy(() -> guard.checkHost("metadata.test")).isInstanceOf(RefusedTarget.class)
                .hasMessageContaining("169.254.169.254");
        assertThat(guard.checkHost("public.test").getHostAddress()).isEqualTo("93.184.216.34");
        assertThatThrownBy(() -> guard.checkHost("nowhere.test")).hasMessage("Unknown host nowhere.test");
    }

    @Test
    void unusableUrlsAreRefusedAtSendTime() {
        assertThatThrownBy(() -> guard.check(URI.create("ftp://public.test/file")))
                .hasMessageContaining("Only http and https");
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd"))).isInstanceOf(RefusedTarget.class);
        assertThatThrownBy(() -> guard.check(URI.create("http:///nohost"))).hasMessageContaining("The URL has no host");
        assertThatThrownBy(() -> guard.check(URI.create("http://nowhere.test/")))
                .hasMessage("Unknown host nowhere.test");
    }

    @Test
    void atSaveTimeARefusedAddressIsRefusedButAnUnknownHostPasses() {
        assertThat(guard.refusalOnSave("https://internal.test/api"))
                .contains("calls to internal.test (10.0.0.5) are refused: it is a private address");
        assertThat(guard.refusalOnSave("http://[64:ff9b::a9fe:a9fe]/")).get().asString().contains("link-local");
        assertThat(guard.hostRefusalOnSave("nat64.test")).get().asString().contains("NAT64");
        assertThat(guard.refusalOnSave("https://public.test/hook")).isEmpty();
        assertThat(guard.refusalOnSave("https://not-yet-registered.test/hook")).isEmpty();
        assertThat(guard.hostRefusalOnSave("smtp.nowhere.test")).isEmpty();
        assertThat(guard.refusalOnSave("gopher://public.test/")).get().asString().contains("only http and https");
        assertThat(guard.refusalOnSave("http://exa mple.test/")).get().asString().contains("not a valid URL");
    }

    private static List<InetAddress> ips(String... literals) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            addresses.add(AddressPolicyTest.ip(literal));
        }
        return addresses;
    }
}
