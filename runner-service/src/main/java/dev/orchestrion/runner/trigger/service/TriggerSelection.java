package dev.orchestrion.runner.trigger.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.orchestrion.runner.trigger.model.RegisteredTrigger;

/**
 * Which of the workflows an event matched start, and in which order: the tenant's priority order (position 1
 * first; a definition the order does not know yet comes last), and of workflows sharing an {@code exclusiveGroup}
 * only the highest-priority one. Pure.
 */
public final class TriggerSelection {

    private TriggerSelection() {
    }

    public static List<RegisteredTrigger> select(List<RegisteredTrigger> matching, List<String> priorityOrder) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < priorityOrder.size(); i++) {
            position.putIfAbsent(priorityOrder.get(i), i);
        }
        List<RegisteredTrigger> ordered = new ArrayList<>(matching);
        ordered.sort(Comparator
                .comparingInt(
                        (RegisteredTrigger t) -> position.getOrDefault(t.definitionId().toString(), Integer.MAX_VALUE))
                .thenComparing(t -> t.definitionId().toString()));
        Set<String> groupsTaken = new HashSet<>();
        List<RegisteredTrigger> selected = new ArrayList<>(ordered.size());
        for (RegisteredTrigger trigger : ordered) {
            String group = trigger.exclusiveGroup();
            if (group == null || group.isBlank() || groupsTaken.add(group)) {
                selected.add(trigger);
            }
        }
        return selected;
    }
}
