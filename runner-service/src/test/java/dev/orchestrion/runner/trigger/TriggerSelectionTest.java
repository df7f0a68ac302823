package dev.orchestrion.runner.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.service.TriggerSelection;

class TriggerSelectionTest {

    private final RegisteredTrigger a = trigger(null);
    private final RegisteredTrigger b = trigger("welcome");
    private final RegisteredTrigger c = trigger("welcome");
    private final RegisteredTrigger d = trigger(null);

    @Test
    void startsInPriorityOrderPositionOneFirst() {
        List<String> order = ids(d, a);
        assertThat(TriggerSelection.select(List.of(a, d), order)).containsExactly(d, a);
    }

    @Test
    void onlyTheHighestPriorityWorkflowOfAnExclusiveGroupRuns() {
        assertThat(TriggerSelection.select(List.of(a, b, c, d), ids(c, a, b, d))).containsExactly(c, a, d);
        assertThat(TriggerSelection.select(List.of(a, b, c, d), ids(b, c, a, d))).containsExactly(b, a, d);
    }

    @Test
    void definitionsTheOrderDoesNotKnowComeLast() {
        assertThat(TriggerSelection.select(List.of(a, b), ids(b))).containsExactly(b, a);
    }

    private static List<String> ids(RegisteredTrigger... triggers) {
        return java.util.Arrays.stream(triggers).map(t -> t.definitionId().toString()).toList();
    }

    private static RegisteredTrigger trigger(String group) {
        return new RegisteredTrigger(UUID.randomUUID(), "acme", "w", "ACTIVE", 1, 1, "event", "order.placed", null,
                null, group, null, Instant.EPOCH, Instant.EPOCH);
    }
}
