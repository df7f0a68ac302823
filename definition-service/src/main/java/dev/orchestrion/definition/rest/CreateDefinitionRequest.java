package dev.orchestrion.definition.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /definitions}. */
public record CreateDefinitionRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags) {
}
