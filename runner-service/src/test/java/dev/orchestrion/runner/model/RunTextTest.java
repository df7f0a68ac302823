package dev.orchestrion.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What a runs search text is looked up as. */
class RunTextTest {

    @Test
    void anIdOrTheStartOfOneBecomesTheRangeOfIdsItCovers() {
        RunText prefix = RunText.parse(" 01A249DA-a1cb ");
        assertThat(prefix.isIdPrefix()).isTrue();
        assertThat(prefix.idLow()).isEqualTo(UUID.fromString("01a249da-a1cb-0000-0000-000000000000"));
        assertThat(prefix.idHigh()).isEqualTo(UUID.fromString("01a249da-a1cb-ffff-ffff-ffffffffffff"));
        assertThat(prefix.contains()).isEqualTo("01A249DA-a1cb");

        UUID id = UUID.randomUUID();
        RunText whole = RunText.parse(id.toString());
        assertThat(whole.idLow()).isEqualTo(id);
        assertThat(whole.idHigh()).isEqualTo(id);
        assertThat(RunText.parse(id.toString().replace("-", "")).idLow()).isEqualTo(id);
    }

    @Test
    void shortHexOrOtherTextIsSearchedOnlyInErrors() {
        assertThat(RunText.parse("01a249d").isIdPrefix()).isFalse();
        assertThat(RunText.parse("timeout").isIdPrefix()).isFalse();
        assertThat(RunText.parse("deadbeef-").isIdPrefix()).isTrue();
        assertThat(RunText.parse("deadbeef" + "0".repeat(25)).isIdPrefix()).isFalse();
        assertThat(RunText.parse("HTTP 503").contains()).isEqualTo("HTTP 503");
    }

    @Test
    void likeWildcardsAreMatchedAsThemselves() {
        assertThat(RunText.parse("100%_done\\").containsPattern()).isEqualTo("%100\\%\\_done\\\\%");
    }

    @Test
    void nothingIsNoSearchAndTooShortOrLongIsRefused() {
        assertThat(RunText.parse(null)).isNull();
        assertThat(RunText.parse("   ")).isNull();
        assertThatThrownBy(() -> RunText.parse("ab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 to 200");
        assertThatThrownBy(() -> RunText.parse("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThat(RunText.parse("x".repeat(200))).isNotNull();
    }
}
