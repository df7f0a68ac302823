package dev.orchestrion.definition.model;

import java.time.Instant;

/** One published version in a definition's list: its number, when and by whom it was published, its name then. */
public record PublishedVersionSummary(int version, Instant publishedAt, String publishedBy, String name) {
}
