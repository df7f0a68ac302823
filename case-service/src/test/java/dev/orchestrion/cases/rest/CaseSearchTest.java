package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.PROBLEM;
import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** GET /cases: a client finds a returning user's case instead of creating another. */
@QuarkusTest
class CaseSearchTest {

    @Test
    void findsByEmailWhateverItsCase() {
        String tenant = newTenant("search");
        UUID grace = newCase(tenant, "{\"firstName\":\"Grace\",\"email\":\"Grace.Hopper@Navy.example\"}");
        newCase(tenant, "{\"firstName\":\"Ada\",\"email\":\"ada@example.com\"}");
        as(tenant).queryParam("email", "grace.hopper@navy.example").when().get("/cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(grace.toString()))
                .body("items[0].firstName", equalTo("Grace"));
    }

    @Test
    void findsByPersonalNumberCompanyNumberAndExternalRef() {
        String tenant = newTenant("search");
        UUID person = newCase(tenant, "{\"personalNumber\":\"19061209-1234\"}");
        UUID company = newCase(tenant, "{\"companyNumber\":\"556677-8899\",\"externalRef\":\"crm-7\"}");
        as(tenant).queryParam("personalNumber", "19061209-1234").when().get("/cases").then().body("items.id",
                contains(person.toString()));
        as(tenant).queryParam("companyNumber", "556677-8899").when().get("/cases").then().body("items.id",
                contains(company.toString()));
        as(tenant).queryParam("externalRef", "crm-7").when().get("/cases").then().body("items.id",
                contains(company.toString()));
    }

    @Test
    void everyGivenFilterMustMatch() {
        String tenant = newTenant("search");
        UUID both = newCase(tenant, "{\"email\":\"x@example.com\",\"externalRef\":\"a\"}");
        newCase(tenant, "{\"email\":\"x@example.com\",\"externalRef\":\"b\"}");
        as(tenant).queryParam("email", "x@example.com").queryParam("externalRef", "a").when().get("/cases").then()
                .body("total", equalTo(1)).body("items.id", contains(both.toString()));
        as(tenant).queryParam("email", "x@example.com").queryParam("externalRef", "c").when().get("/cases").then()
                .statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void pagesNewestFirstAndTellsTheTotal() {
        String tenant = newTenant("search-paging");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newCase(tenant, "{\"companyNumber\":\"111\",\"lastName\":\"n" + i + "\"}").toString());
        }
        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        as(tenant).queryParam("companyNumber", "111").queryParam("size", 2).when().get("/cases").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.id", contains(newestFirst.get(0), newestFirst.get(1)));
        as(tenant).queryParam("companyNumber", "111").queryParam("size", 2).queryParam("page", 1).when().get("/cases")
                .then().body("items.id", contains(newestFirst.get(2), newestFirst.get(3)));
        as(tenant).queryParam("companyNumber", "111").queryParam("size", 2).queryParam("page", 2).when().get("/cases")
                .then().body("total", equalTo(5)).body("items.id", contains(newestFirst.get(4)));
        as(tenant).queryParam("companyNumber", "111").queryParam("size", 2).queryParam("page", 3).when().get("/cases")
                .then().body("total", equalTo(5)).body("items", hasSize(0));
    }

    @Test
    void findsByTheStartOfANameIgnoringCase() {
        String tenant = newTenant("search-name");
        UUID grace = newCase(tenant, "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}");
        UUID gracie = newCase(tenant, "{\"firstName\":\"Gracie\",\"lastName\":\"Allen\"}");
        UUID ada = newCase(tenant, "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}");
        UUID company = newCase(tenant, "{\"companyName\":\"Hopper & Sons\"}");
        newCase(tenant, "{\"firstName\":\"Sue\",\"lastName\":\"McGrace\"}");

        assertThat(ids(tenant, "name", "grac")).containsExactly(gracie.toString(), grace.toString());
        assertThat(ids(tenant, "name", "HOPPER")).containsExactly(company.toString(), grace.toString());
        assertThat(ids(tenant, "name", "grace hop")).containsExactly(grace.toString());
        assertThat(ids(tenant, "name", "Hopper  G")).containsExactly(grace.toString());
        assertThat(ids(tenant, "name", "gra all")).containsExactly(gracie.toString());
        assertThat(ids(tenant, "name", "hopper &")).containsExactly(company.toString());
        assertThat(ids(tenant, "name", "race")).isEmpty();
        assertThat(ids(tenant, "name", "%")).isEmpty();
        assertThat(ids(tenant, "name", "_race")).isEmpty();
        // with the other filters, every one must match
        assertThat(ids(tenant, "name", "ada", "email", "ADA@example.com")).containsExactly(ada.toString());
        assertThat(ids(tenant, "name", "ada", "email", "grace@example.com")).isEmpty();
        // an erased case keeps no name to be found by
        as(tenant).when().delete("/cases/{id}", ada).then().statusCode(204);
        assertThat(ids(tenant, "name", "ada")).isEmpty();
        // another tenant's cases are not found
        assertThat(ids(newTenant("search-name"), "name", "grace")).isEmpty();
        as(tenant).queryParam("name", "x".repeat(201)).when().get("/cases").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"));
    }

    private static List<String> ids(String tenant, String... filters) {
        var request = as(tenant);
        for (int i = 0; i < filters.length; i += 2) {
            request = request.queryParam(filters[i], filters[i + 1]);
        }
        return request.when().get("/cases").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void withoutFiltersListsTheTenantsCases() {
        String tenant = newTenant("search-all");
        UUID a = newCase(tenant, "{}");
        UUID b = newCase(tenant, "{}");
        as(tenant).when().get("/cases").then().statusCode(200).body("total", equalTo(2)).body("size", equalTo(20))
                .body("items.id", hasItems(a.toString(), b.toString()));
    }

    @Test
    void seesOnlyTheCallersTenant() {
        String acme = newTenant("search-iso");
        String globex = newTenant("search-iso");
        newCase(acme, "{\"email\":\"shared@example.com\"}");
        as(globex).queryParam("email", "shared@example.com").when().get("/cases").then().statusCode(200).body("total",
                equalTo(0));
        as(globex).when().get("/cases").then().body("total", equalTo(0));
    }

    @Test
    void badPagingIsABadRequestNamingTheParameter() {
        as("acme").queryParam("size", 0).when().get("/cases").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
        as("acme").queryParam("size", 101).when().get("/cases").then().statusCode(400).body("errors[0].field",
                equalTo("size"));
        as("acme").queryParam("page", -1).queryParam("size", "x").when().get("/cases").then().statusCode(400)
                .body("errors.field", contains("page", "size"));
        assertThat(as("acme").queryParam("page", "two").when().get("/cases").then().extract().statusCode())
                .isEqualTo(400);
    }
}
