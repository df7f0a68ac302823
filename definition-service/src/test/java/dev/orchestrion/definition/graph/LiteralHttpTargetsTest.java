package dev.orchestrion.definition.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralHttpTargetsTest {

    @Test
    void theOriginOfAnAbsoluteUrlWithALiteralSchemeAndHost() {
        assertThat(LiteralHttpTargets.origin("http://metadata.test/latest/meta-data"))
                .isEqualTo("http://metadata.test/");
        assertThat(LiteralHttpTargets.origin("HTTPS://api.example:8443?q={{ x }}"))
                .isEqualTo("https://api.example:8443/");
        assertThat(LiteralHttpTargets.origin("http://[64:ff9b::a00:1]:8080/{{ params.p }}"))
                .isEqualTo("http://[64:ff9b::a00:1]:8080/");
        assertThat(LiteralHttpTargets.origin("http://user@10.0.0.1#frag")).isEqualTo("http://user@10.0.0.1/");
    }

    @Test
    void relativeTemplatedOrOtherUrlsAreLeftToTheCallTimeCheck() {
        assertThat(LiteralHttpTargets.origin("/orders/{{ case.id }}")).isNull();
        assertThat(LiteralHttpTargets.origin("https://{{ params.host }}/x")).isNull();
        assertThat(LiteralHttpTargets.origin("http://api-{{ params.region }}.example/x")).isNull();
        assertThat(LiteralHttpTargets.origin("{{ params.url }}")).isNull();
        assertThat(LiteralHttpTargets.origin("ftp://files.example/x")).isNull();
        assertThat(LiteralHttpTargets.origin("http:///x")).isNull();
    }
}
