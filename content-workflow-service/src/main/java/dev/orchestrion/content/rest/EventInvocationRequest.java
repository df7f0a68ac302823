package dev.orchestrion.content.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code POST .../workflow/events}: {@code state.event} and its parameters ({@code data.message}, ...). */
public record EventInvocationRequest(@NotBlank @Size(max = 250) String event, ObjectNode data) {
}
