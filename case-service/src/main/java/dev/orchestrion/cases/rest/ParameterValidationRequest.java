package dev.orchestrion.cases.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /parameters/{id}/validation}: the published version to check the set against. */
public record ParameterValidationRequest(@Schema(examples = "2") @NotNull @Min(1) Integer version) {
}
