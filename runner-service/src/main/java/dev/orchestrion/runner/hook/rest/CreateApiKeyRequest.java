package dev.orchestrion.runner.hook.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api-keys}. */
public record CreateApiKeyRequest(
        @Schema(description = "What the key is for", examples = "shop backend") @NotBlank @Size(max = 200) String name,
        @Schema(description = "The workflows (definition ids) the key may start through their HTTP bindings") @NotEmpty @Size(max = 500) List<@NotNull UUID> definitionIds) {
}
