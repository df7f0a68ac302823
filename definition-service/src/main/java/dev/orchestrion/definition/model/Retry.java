package dev.orchestrion.definition.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a node's failed attempts are retried. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Retry(Integer maxAttempts, String initialInterval, Double multiplier, String maxInterval, Double jitter,
        List<String> retryOn) {
}
