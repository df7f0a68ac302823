package dev.orchestrion.cases.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A case as clients see it; an erased case keeps its id and {@code externalRef}, and shows {@code erased: true}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(UUID id, String firstName, String lastName, String personalNumber, String email,
        String companyName, String companyNumber, String companyAddress, String externalRef,
        Map<String, Object> attributes, boolean erased, Instant erasedAt, long version, Instant createdAt,
        Instant updatedAt) {
}
