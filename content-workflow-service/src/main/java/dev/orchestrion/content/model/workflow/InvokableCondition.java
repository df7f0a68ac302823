package dev.orchestrion.content.model.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A condition on the entry for an event to be invokable: {@code field} is a function such as
 * {@code isScheduledForPublish()} or the path of an entry field; exactly one of {@code equalTo} and
 * {@code notEqualTo} gives the value to compare with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvokableCondition(String field, JsonNode equalTo, JsonNode notEqualTo) {
}
