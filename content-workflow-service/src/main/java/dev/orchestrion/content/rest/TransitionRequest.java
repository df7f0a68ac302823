package dev.orchestrion.content.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code PUT /api/v1/workflow/{type}/{id}}: a transition name, and optionally the event's parameters
 * (e.g. {@code {"message": "..."}}).
 */
public record TransitionRequest(@NotBlank @Size(max = 250) String action, ObjectNode data) {
}
