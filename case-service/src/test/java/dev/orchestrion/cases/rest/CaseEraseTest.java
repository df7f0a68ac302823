package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.getCase;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** DELETE /cases/{id}: the personal data goes, the case id stays for the runs that refer to it. */
@QuarkusTest
class CaseEraseTest {

    @Test
    void erasesEveryPersonalFieldAndKeepsTheCase() {
        String tenant = newTenant("erase");
        UUID id = newCase(tenant, """
                {"firstName":"Ada","lastName":"Lovelace","personalNumber":"18151210-1234","email":"ada@example.com",
                 "companyName":"Engines","companyNumber":"556000-0000","companyAddress":"1 Engine Street",
                 "externalRef":"crm-erase","attributes":{"score":710}}""");
        as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);

        getCase(tenant, id).statusCode(200).body("id", equalTo(id.toString())).body("erased", equalTo(true))
                .body("erasedAt", notNullValue()).body("externalRef", equalTo("crm-erase"))
                .body("attributes.size()", equalTo(0)).body("version", equalTo(1))
                .body("containsKey('firstName')", equalTo(false)).body("containsKey('lastName')", equalTo(false))
                .body("containsKey('personalNumber')", equalTo(false)).body("containsKey('email')", equalTo(false))
                .body("containsKey('companyName')", equalTo(false)).body("containsKey('companyNumber')", equalTo(false))
                .body("containsKey('companyAddress')", equalTo(false));
    }

    @Test
    void anErasedCaseIsNoLongerFoundByItsPersonalData() {
        String tenant = newTenant("erase-search");
        UUID id = newCase(tenant, "{\"email\":\"gone@example.com\",\"externalRef\":\"crm-gone\"}");
        as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);
        as(tenant).queryParam("email", "gone@example.com").when().get("/cases").then().body("total", equalTo(0));
        as(tenant).queryParam("externalRef", "crm-gone").when().get("/cases").then()
                .body("items.id", contains(id.toString())).body("items[0].erased", equalTo(true));
    }

    @Test
    void erasingTwiceChangesNothingMore() {
        String tenant = newTenant("erase-twice");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);
        as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);
        getCase(tenant, id).body("version", equalTo(1)).body("erased", equalTo(true));
    }

    @Test
    void anotherTenantsOrAnUnknownCaseIsNotFound() {
        String tenant = newTenant("erase-iso");
        UUID id = newCase(tenant, "{\"firstName\":\"Ada\"}");
        as(newTenant("erase-iso")).when().delete("/cases/{id}", id).then().statusCode(404).contentType(PROBLEM);
        getCase(tenant, id).body("firstName", equalTo("Ada")).body("erased", equalTo(false));
        as(tenant).when().delete("/cases/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
