package dev.orchestrion.support.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextAndPairedSurrogatesAreStorable() {
        assertThat(StorableText.isStorable("Ada Lovelace")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
        assertThat(StorableText.isStorable(null)).isTrue();
        assertThat(StorableText.isStorable("emoji \uD83D\uDE00 and åäö")).isTrue();
        assertThat(StorableText.isStorable("\u0001 tab\t other controls")).isTrue();
    }

    @Test
    void nulAndUnpairedSurrogatesAreNot() {
        assertThat(StorableText.firstForbidden("ab\u0000c")).isEqualTo(2);
        assertThat(StorableText.firstForbidden("\uD800")).isZero();
        assertThat(StorableText.firstForbidden("x\uD800y")).isEqualTo(1);
        assertThat(StorableText.firstForbidden("x\uDC00")).isEqualTo(1);
        assertThat(StorableText.firstForbidden("\uDE00\uD83D")).isZero();
        assertThat(StorableText.firstForbidden("\uD83D\uDE00\uD800")).isEqualTo(2);
    }

    @Test
    void checksASliceOfABufferWithoutLookingOutsideIt() {
        char[] buffer = "\u0000ok\uD83D\uDE00\uD800".toCharArray();
        assertThat(StorableText.firstForbidden(buffer, 1, 4)).isEqualTo(-1);
        assertThat(StorableText.firstForbidden(buffer, 1, 3)).isEqualTo(2);
        assertThat(StorableText.firstForbidden(buffer, 0, 1)).isZero();
        assertThat(StorableText.firstForbidden(buffer, 5, 1)).isZero();
    }

    @Test
    void escapesWhatItRefusesSoThatAnErrorCanEchoIt() {
        assertThat(StorableText.escaped("a\u0000b\uD800c\uD83D\uDE00")).isEqualTo("a\\u0000b\\uD800c\uD83D\uDE00");
        assertThat(StorableText.escaped("plain")).isEqualTo("plain");
    }
}
