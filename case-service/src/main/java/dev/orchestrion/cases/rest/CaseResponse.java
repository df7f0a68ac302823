package dev.orchestrion.cases.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A case as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(UUID id, String firstName, String lastName, String personalNumber, String email,
        String companyName, String companyNumber, String companyAddress, String externalRef, boolean erased,
        long version, Instant createdAt, Instant updatedAt) {
}
