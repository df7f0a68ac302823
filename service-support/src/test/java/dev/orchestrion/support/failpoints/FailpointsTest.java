package dev.orchestrion.support.failpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FailpointsTest {

    @Test
    void nothingIsArmedWithoutTheVariable() {
        assertThat(Failpoints.parse(null)).isNull();
        assertThat(Failpoints.parse(" ")).isNull();
        Failpoints.hit("checkpoint.after-commit"); // this JVM has no ORCHESTRION_FAILPOINTS: still running
    }

    @Test
    void aPointIsDueOnTheHitItIsArmedForAndNeverAgain() {
        Failpoints points = Failpoints.parse("checkpoint.after-commit=3, eager.before-answer");
        assertThat(points.due("checkpoint.after-commit")).isFalse();
        assertThat(points.due("checkpoint.after-commit")).isFalse();
        assertThat(points.due("checkpoint.after-commit")).isTrue();
        assertThat(points.due("checkpoint.after-commit")).isFalse();
        assertThat(points.due("eager.before-answer")).isTrue();
        assertThat(points.due("outbox.after-publish")).isFalse();
    }

    @Test
    void aHitBelowOneIsRefused() {
        assertThatThrownBy(() -> Failpoints.parse("x=0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x=0");
    }
}
