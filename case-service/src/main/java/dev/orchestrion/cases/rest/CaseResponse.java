package dev.orchestrion.cases.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orchestrion.cases.model.CaseEntity;

/** A case as clients see it; an erased case keeps its id and {@code externalRef}, and shows {@code erased: true}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(UUID id, String firstName, String lastName, String personalNumber, String email,
        String companyName, String companyNumber, String companyAddress, String externalRef,
        Map<String, Object> attributes, boolean erased, Instant erasedAt, long version, Instant createdAt,
        Instant updatedAt) {

    public static CaseResponse of(CaseEntity entity) {
        Map<String, Object> attributes = entity.attributes == null ? Map.of() : entity.attributes;
        return new CaseResponse(entity.id, entity.firstName, entity.lastName, entity.personalNumber, entity.email,
                entity.companyName, entity.companyNumber, entity.companyAddress, entity.externalRef, attributes,
                entity.erased, entity.erasedAt, entity.version, entity.createdAt, entity.updatedAt);
    }
}
