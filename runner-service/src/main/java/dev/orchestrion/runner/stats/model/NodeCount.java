package dev.orchestrion.runner.stats.model;

import java.time.Instant;
import java.util.UUID;

/** Node executions entered, completed and failed in one minute, for one node of one definition version. */
public record NodeCount(String tenant, UUID definitionId, int version, String nodeId, Instant minute, String nodeType,
        long entered, long completed, long failed) {

    public String key() {
        return tenant + "/" + definitionId + "/" + version + "/" + nodeId + "/" + minute;
    }

    public NodeCount plus(long enteredMore, long completedMore, long failedMore) {
        return new NodeCount(tenant, definitionId, version, nodeId, minute, nodeType, entered + enteredMore,
                completed + completedMore, failed + failedMore);
    }
}
