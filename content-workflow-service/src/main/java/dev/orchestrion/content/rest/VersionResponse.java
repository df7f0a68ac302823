package dev.orchestrion.content.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.mapping.EntryRenderer;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.Timestamps;

/**
 * One version of an entry.
 *
 * @param latestVersion its integer number (seed 004)
 * @param versionNo its number in seed 003's style (0.1, 0.2, 1.0, ...)
 * @param kind {@code created}, {@code saved} or {@code published}
 * @param entry the entry as it was at this version
 */
public record VersionResponse(int latestVersion, String versionNo, String kind, String createdAt, String createdBy,
        ObjectNode entry) {

    public static VersionResponse of(EntryVersion v) {
        return new VersionResponse(v.number(), v.versionNo(), v.kind(), Timestamps.format(v.createdAt()), v.createdBy(),
                EntryRenderer.renderVersion(v));
    }
}
