package dev.orchestrion.content.model;

import java.time.Instant;

/**
 * One line of an entry's audit history: when, who, from which state, which event, to which state, and the message.
 *
 * @param seq 1, 2, ... per entry
 * @param event {@code state.event}, or what the platform did ({@code created}, {@code update},
 *        {@code schedule.publish}, {@code schedule.unpublish}, {@code schedule.missed}, {@code workflow.changed})
 * @param transition the transition name ({@code _from_to}), when the state changed or could have
 */
public record HistoryRecord(int seq, Instant at, String actor, String fromState, String event, String toState,
        String transition, String message, String auditText) {
}
