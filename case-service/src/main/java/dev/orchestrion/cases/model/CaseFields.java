package dev.orchestrion.cases.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The writable fields of a case, each optional, with the rules every write must leave them meeting: a create, and a
 * merge patch applied to the stored case. The REST body of a create carries the same constraints (checked by a
 * test), so that the edge refuses with the same answer before the service sees it.
 */
public record CaseFields(@Size(max = 200) String firstName, @Size(max = 200) String lastName,
        @Size(max = 64) String personalNumber, @Email @Size(max = 320) String email,
        @Size(max = 300) String companyName, @Size(max = 64) String companyNumber,
        @Size(max = 500) String companyAddress, @Size(max = 200) String externalRef, ObjectNode attributes) {
}
