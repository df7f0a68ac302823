package dev.orchestrion.runner.stats.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.runner.stats.model.FailureGroup;

/** A definition's open incidents: its FAILED runs, by the node that failed them. */
public record IncidentsView(UUID definitionId,
        @Schema(description = "The version counted, or null for all versions") Integer version,
        @Schema(description = "FAILED runs in all") long failedRuns, Instant generatedAt,
        @Schema(description = "Per node (nodeId null: runs failed outside any node, such as by their timeout), the node with most failed runs first") List<Node> nodes) {

    /** The failed runs of one node and why they failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String nodeId, String nodeType, long failedRuns,
            @Schema(description = "By error code, the most frequent first") List<Reason> reasons) {
    }

    /** Runs that failed at a node with one error code, and the latest message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String code, long runs,
            @Schema(description = "The error message of the latest of these runs, redacted values masked") String lastMessage,
            UUID lastRunId, Instant lastFailedAt) {
    }

    public static IncidentsView of(UUID definitionId, Integer version, Instant generatedAt, List<FailureGroup> groups) {
        Map<String, List<FailureGroup>> byNode = new LinkedHashMap<>();
        groups.forEach(g -> byNode.computeIfAbsent(Objects.toString(g.nodeId(), ""), k -> new ArrayList<>()).add(g));
        List<Node> nodes = new ArrayList<>();
        long failed = 0;
        for (List<FailureGroup> ofNode : byNode.values()) {
            long runs = ofNode.stream().mapToLong(FailureGroup::runs).sum();
            failed += runs;
            FailureGroup first = ofNode.get(0);
            nodes.add(new Node(first.nodeId(), first.nodeType(), runs,
                    ofNode.stream()
                            .map(g -> new Reason(g.code(), g.runs(), g.lastMessage(), g.lastRunId(), g.lastFailedAt()))
                            .toList()));
        }
        nodes.sort((a, b) -> Long.compare(b.failedRuns(), a.failedRuns()));
        return new IncidentsView(definitionId, version, failed, generatedAt, nodes);
    }
}
