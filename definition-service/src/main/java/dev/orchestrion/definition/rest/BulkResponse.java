package dev.orchestrion.definition.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.definition.service.BulkService;
import dev.orchestrion.support.problem.ProblemException;

/** The answer of {@code POST /definitions/bulk}: each item's outcome and, for export, the {@code .cn} document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkResponse(String action, List<Item> results, ObjectNode file) {

    /** One item's outcome: {@code done} or {@code failed} with the status and detail a single call would give. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String outcome, int status, String detail, String newId) {

        static Item of(BulkService.ItemOutcome outcome) {
            if (outcome.done()) {
                return new Item(outcome.id(), "done", 200, null, outcome.newId());
            }
            ProblemException answer = ProblemException.from(outcome.failure());
            return new Item(outcome.id(), "failed", answer.status(), answer.getMessage(), null);
        }
    }

    static BulkResponse of(BulkService.BulkResult result) {
        return new BulkResponse(result.action(), result.results().stream().map(Item::of).toList(), result.file());
    }
}
