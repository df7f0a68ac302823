package dev.orchestrion.content.model.workflow;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Groups functionally similar events (e.g. submit / revoke) for presentation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventGroup(String id, Map<String, String> name) {
}
