package dev.orchestrion.content.rest;

import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.content.model.Timestamps;

/**
 * One audit record: when, who, from which state, which event, to which state, and the invoker's message.
 *
 * @param transition the transition name ({@code _from_to}) where the state changed
 * @param auditText the event's audit text, e.g. "Sent for approval"
 */
public record HistoryRecordResponse(int seq, String when, String who, String from, String event, String to,
        String transition, String message, String auditText) {

    public static HistoryRecordResponse of(HistoryRecord r) {
        return new HistoryRecordResponse(r.seq(), Timestamps.format(r.at()), r.actor(), r.fromState(), r.event(),
                r.toState(), r.transition(), r.message(), r.auditText());
    }
}
