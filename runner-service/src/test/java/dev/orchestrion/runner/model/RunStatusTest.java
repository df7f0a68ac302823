package dev.orchestrion.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void knowsWhichStatusesAreTerminal() {
        assertThat(RunStatus.values()).filteredOn(RunStatus::isTerminal).containsExactly(RunStatus.COMPLETED,
                RunStatus.FAILED, RunStatus.CANCELLED);
    }

    @Test
    void refusesIllegalTransitionsInOneGuard() {
        assertThat(RunStatus.PENDING.checkTransitionTo(RunStatus.RUNNING)).isEqualTo(RunStatus.RUNNING);
        assertThat(RunStatus.FAILED.canMoveTo(RunStatus.RUNNING)).as("retry from the failed node").isTrue();
        assertThatThrownBy(() -> RunStatus.COMPLETED.checkTransitionTo(RunStatus.RUNNING))
                .isInstanceOf(RunStatus.IllegalRunTransitionException.class).hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> RunStatus.CANCELLED.checkTransitionTo(RunStatus.FAILED))
                .isInstanceOf(RunStatus.IllegalRunTransitionException.class);
        assertThat(RunStatus.FAILED.canMoveTo(RunStatus.COMPLETED)).isFalse();
    }
}
