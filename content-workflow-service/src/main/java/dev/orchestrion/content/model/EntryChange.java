package dev.orchestrion.content.model;

import java.util.List;

/**
 * A decided change of an entry: its state afterwards, and what goes into its outbox with it in the same
 * single-document update: the CloudEvents to publish, the versions and audit records to store.
 */
public record EntryChange(Entry after, List<EntryEvent> events, List<EntryVersion> versions,
        List<HistoryRecord> history) {
}
