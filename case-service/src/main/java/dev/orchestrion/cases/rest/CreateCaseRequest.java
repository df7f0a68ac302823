package dev.orchestrion.cases.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.CaseFields;

/**
 * The body of {@code POST /cases}: every field is optional. Its constraints are those of {@link CaseFields} (the
 * rules a merge patch must leave a case meeting too), checked equal by a test.
 */
@Schema(name = "CreateCaseRequest", description = "Data about the person or company; every field is optional.")
public record CreateCaseRequest(@Schema(examples = "Ada") @Size(max = 200) String firstName,
        @Schema(examples = "Lovelace") @Size(max = 200) String lastName,
        @Schema(examples = "19151210-1234") @Size(max = 64) String personalNumber,
        @Schema(examples = "ada@example.com") @Email @Size(max = 320) String email,
        @Schema(examples = "Analytical Engines Ltd") @Size(max = 300) String companyName,
        @Schema(examples = "556000-0000") @Size(max = 64) String companyNumber,
        @Schema(examples = "1 Engine Street, London") @Size(max = 500) String companyAddress,
        @Schema(description = "The client system's own id for this case", examples = "crm-42") @Size(max = 200) String externalRef,
        @Schema(description = "A free JSON object for what workflows learn about the case (size-limited)") ObjectNode attributes) {

    public CaseFields toFields() {
        return new CaseFields(firstName, lastName, personalNumber, email, companyName, companyNumber, companyAddress,
                externalRef, attributes);
    }
}
