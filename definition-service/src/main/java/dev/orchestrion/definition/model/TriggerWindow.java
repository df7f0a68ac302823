package dev.orchestrion.definition.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The hours (and days) within which a schedule fires. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerWindow(String from, String to, List<String> days) {
}
