package dev.orchestrion.content.rest;

import java.util.List;

import dev.orchestrion.content.entry.FieldDifferences.Difference;

/** The field differences between two versions of an entry. */
public record ComparisonResponse(int from, int to, String fromVersionNo, String toVersionNo,
        List<Difference> differences) {
}
