package dev.orchestrion.runner.run.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.support.ids.ResourceId;

/** The body of {@code POST /workflows/run}. */
@Schema(name = "RunRequest")
public record RunRequest(
        @Schema(description = "The case the workflow runs for", examples = "3b2d8a4f-579f-4e2e-a51c-f859e532fe8c") @NotNull UUID caseId,
        @Schema(description = "The workflow definition to run (its current published version)", examples = "3b2d8a4f-579f-4e2e-a51c-f859e532fe8c") @NotNull @ResourceId String workflowDefinitionId,
        @Schema(description = "A parameter set made for this definition", examples = "4b6ffcb6-ab6d-44b9-b5ab-4b5147b0b302") UUID parametersId,
        @Schema(description = "Which connection credentials the run uses", enumeration = {
                "production",
                "test"}, defaultValue = "production") @Pattern(regexp = "production|test", message = "must be production or test") String environment,
        @Schema(description = "A URL that receives this run's completion webhook; refused (400) if its host resolves to an address the outbound guard refuses, and checked again at every delivery") @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String callbackUrl){
}
