package dev.orchestrion.runner;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Starting runs and waiting for them as a client would. */
public final class Runs {

    private Runs() {
    }

    /** Requests a run of the definition for the case with the parameter set (may be null); answers the run id. */
    public static String start(String token, String definitionId, UUID caseId, UUID parametersId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("workflowDefinitionId", definitionId);
        if (parametersId != null) {
            body.put("parametersId", parametersId);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/workflows/run")
                .then().statusCode(200).extract().path("id");
    }

    /** Long-polls until the run ended (or 30 s passed) and answers its status document. */
    public static JsonPath awaitEnd(String token, String runId) {
        return given().auth().oauth2(token).when().get("/workflows/{id}?wait=30s", runId).then().statusCode(200)
                .extract().jsonPath();
    }

    public static JsonPath result(String token, String runId) {
        return given().auth().oauth2(token).when().get("/workflows/{id}/result", runId).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The run's timeline (its first page of up to 200 steps), with paths relative to the page's items. */
    public static JsonPath steps(String token, String runId) {
        return given().auth().oauth2(token).when().get("/workflows/{id}/steps?size=200", runId).then().statusCode(200)
                .extract().jsonPath().setRootPath("items");
    }
}
