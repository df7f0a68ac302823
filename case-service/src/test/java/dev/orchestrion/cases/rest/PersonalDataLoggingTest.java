package dev.orchestrion.cases.rest;

import static dev.orchestrion.cases.testing.Api.as;
import static dev.orchestrion.cases.testing.Api.createCase;
import static dev.orchestrion.cases.testing.Api.newCase;
import static dev.orchestrion.cases.testing.Api.newTenant;
import static dev.orchestrion.cases.testing.Api.patchCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.orchestrion.cases.testing.CaseEventsTopic;

/** personalNumber and e-mail never reach the logs, whatever a client does with a case. */
@QuarkusTest
class PersonalDataLoggingTest {

    private static final String PERSONAL_NUMBER = "19121223-7777";
    private static final String EMAIL = "turing.logtest@mail.test";
    private static final String NEW_EMAIL = "alan.logtest@mail.test";

    @Test
    void noLogLineCarriesAPersonalNumberOrAnEmail() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {

            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " "
                        + List.of(record.getParameters() == null ? new Object[0] : record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            org.jboss.logging.Logger.getLogger("dev.orchestrion.cases").info("log capture is on");
            String tenant = newTenant("logs");
            UUID id = newCase(tenant, "{\"personalNumber\":\"%s\",\"email\":\"%s\"}".formatted(PERSONAL_NUMBER, EMAIL));
            createCase(tenant, "{\"personalNumber\":\"%s\",\"email\":\"%s@\"}".formatted(PERSONAL_NUMBER, EMAIL))
                    .statusCode(400);
            createCase(tenant, "{\"personalNumber\":%s,\"email\":\"%s\"}".formatted("12", EMAIL)).statusCode(400);
            patchCase(tenant, id, "{\"email\":\"%s\"}".formatted(NEW_EMAIL)).statusCode(200);
            patchCase(tenant, id, "{\"email\":\"not an email %s\"}".formatted(NEW_EMAIL)).statusCode(400);
            as(tenant).queryParam("email", NEW_EMAIL).when().get("/cases").then().statusCode(200);
            as(tenant).queryParam("personalNumber", PERSONAL_NUMBER).when().get("/cases").then().statusCode(200);
            as(tenant).when().delete("/cases/{id}", id).then().statusCode(204);
            CaseEventsTopic.awaitCase(id, 3);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).as("the capture sees the service's log").anyMatch(line -> line.contains("log capture is on"));
        assertThat(lines).noneMatch(line -> line.contains(PERSONAL_NUMBER) || line.contains("turing.logtest")
                || line.contains("alan.logtest"));
    }
}
