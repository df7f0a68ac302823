package dev.orchestrion.runner.run.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.runner.model.StepStatus;
import dev.orchestrion.support.paging.Page;

/** Everything a run's page shows, in one answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunOverviewView(RunView run,
        @Schema(description = "The result of a COMPLETED run, redacted values masked") Map<String, Object> result,
        @Schema(description = "The node of the parent run that started this one (subWorkflow)") String parentNodeId,
        @Schema(description = "What started the run: kind (api, event, schedule, http, subWorkflow) and what names it (eventType, eventId, source, occurredAt, method, tick, parentRunId, ...) and its data (body, query, path, requestPath, data). For a run that holds redacted values the data is masked whole (\"***\")") Map<String, Object> trigger,
        @Schema(description = "The wait the run is parked in, when it is") Waiting waiting,
        @Schema(description = "Each node the run executed, in the order it first reached them: the path it took and how each node ended") List<NodeView> nodes,
        @Schema(description = "The first page of the timeline (as GET /workflows/{id}/steps answers it); total is the run's number of steps") Page<StepView> steps) {

    /** Why and since when a run is parked; a SIGNAL wait names the signal it waits for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Waiting(@Schema(description = "TIMER, SIGNAL, CHILD, CALL or RETRY") String kind, String nodeId,
            String nodeType, int attempt, Instant since,
            @Schema(description = "When a timer, retry backoff or timeout ends it") Instant until,
            @Schema(description = "The signal a waitForEvent node waits for: POST /workflows/{id}/signals/{signal}") String signal,
            @Schema(description = "The child run a subWorkflow node waits for") String childRunId) {
    }

    /** A node's outcome in this run, over all its executions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeView(String nodeId, String nodeType,
            @Schema(description = "The status of its latest execution") StepStatus status,
            @Schema(description = "Executions: attempts and loop iterations") int executions, int failures,
            Instant firstStartedAt, Instant lastEndedAt) {
    }
}
