package dev.orchestrion.content.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
}
