package dev.orchestrion.cases.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestPostgres;
import dev.orchestrion.testsupport.TestTokens;

/** Readiness really checks the database: a crashed PostgreSQL turns it DOWN, and recovery brings it back. */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class ReadinessTest {

    @Test
    void readinessFollowsTheDatabaseAndDataSurvivesACrash() {
        TestPostgres postgres = TestInfrastructure.postgres();
        assumeThat(postgres.killable()).as("only a PostgreSQL owned by the test JVM can be killed").isTrue();
        String token = TestTokens.token("acme", "client");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"lastName\":\"Hopper\"}").when()
                .post("/cases").then().statusCode(201).extract().path("id");

        postgres.kill();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
        } finally {
            postgres.restart();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token).when()
                .get("/cases/{id}", id).then().statusCode(200).body("lastName", equalTo("Hopper")));
    }
}
