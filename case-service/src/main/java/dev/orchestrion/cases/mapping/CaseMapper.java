package dev.orchestrion.cases.mapping;

import dev.orchestrion.cases.model.CaseEntity;
import dev.orchestrion.cases.rest.CaseResponse;
import dev.orchestrion.cases.rest.CreateCaseRequest;

/** Case entity to and from its REST representations. */
public final class CaseMapper {

    private CaseMapper() {
    }

    public static void apply(CreateCaseRequest request, CaseEntity entity) {
        entity.firstName = request.firstName();
        entity.lastName = request.lastName();
        entity.personalNumber = request.personalNumber();
        entity.email = request.email();
        entity.companyName = request.companyName();
        entity.companyNumber = request.companyNumber();
        entity.companyAddress = request.companyAddress();
        entity.externalRef = request.externalRef();
    }

    public static CaseResponse toResponse(CaseEntity entity) {
        return new CaseResponse(entity.id, entity.firstName, entity.lastName, entity.personalNumber, entity.email,
                entity.companyName, entity.companyNumber, entity.companyAddress, entity.externalRef, entity.erased,
                entity.version, entity.createdAt, entity.updatedAt);
    }
}
