package dev.orchestrion.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunEventReaderTest {

    private static final String RUN = "0193a4c2-7d1e-7000-8000-000000000001";
    private static final String DEFINITION = "0193a4c2-7d1e-7000-8000-0000000000d1";
    private static final String CASE = "0193a4c2-7d1e-7000-8000-0000000000c1";
    private static final String RUN_FIELDS = "\"runId\":\"" + RUN + "\",\"tenant\":\"acme\",\"workflowDefinitionId\":\""
            + DEFINITION + "\",\"version\":3,\"caseId\":\"" + CASE + "\"";

    @Test
    void aProgressedRecordIsTheEventsItCarriesWithTheRunsFields() {
        String value = "{" + RUN_FIELDS + ",\"occurredAt\":\"2026-12-06T08:00:02Z\",\"events\":["
                + "{\"id\":\"e1\",\"type\":\"started\",\"occurredAt\":\"2026-12-06T08:00:00Z\",\"startedAt\":\"2026-12-06T08:00:00Z\"},"
                + "{\"id\":\"e2\",\"type\":\"node-started\",\"occurredAt\":\"2026-12-06T08:00:01Z\",\"nodeId\":\"fetch\",\"nodeType\":\"http\",\"attempt\":1},"
                + "{\"id\":\"e3\",\"type\":\"node-completed\",\"occurredAt\":\"2026-12-06T08:00:02Z\",\"nodeId\":\"fetch\",\"nodeType\":\"http\",\"attempt\":1}]}";

        List<TenantRunEvent> events = RunEventReader.read("dev.orchestrion.run.progressed", "p1", value);

        assertThat(events).extracting(TenantRunEvent::tenant).containsOnly("acme");
        assertThat(events).extracting(TenantRunEvent::message).containsExactly(
                new RunEventMessage("e1", "run.started", RUN, DEFINITION, 3, CASE, null, null, "2026-12-06T08:00:00Z"),
                new RunEventMessage("e2", "run.node-started", RUN, DEFINITION, 3, CASE, null, "fetch",
                        "2026-12-06T08:00:01Z"),
                new RunEventMessage("e3", "run.node-completed", RUN, DEFINITION, 3, CASE, null, "fetch",
                        "2026-12-06T08:00:02Z"));
    }

    @Test
    void aRunLevelRecordIsOneEventWithItsStatus() {
        String value = "{" + RUN_FIELDS + ",\"occurredAt\":\"2026-12-06T08:00:03Z\",\"status\":\"FAILED\","
                + "\"error\":{\"message\":\"boom\"},\"createdAt\":\"2026-12-06T08:00:00Z\",\"endedAt\":\"2026-12-06T08:00:03Z\"}";

        assertThat(RunEventReader.read("dev.orchestrion.run.failed", "f1", value))
                .containsExactly(new TenantRunEvent("acme", new RunEventMessage("f1", "run.failed", RUN, DEFINITION, 3,
                        CASE, "FAILED", null, "2026-12-06T08:00:03Z")));
    }

    @Test
    void recordsThatAreNoRunEventsOrUnreadableCarryNothing() {
        assertThat(RunEventReader.read("dev.orchestrion.case.created", "c", "{\"tenant\":\"acme\"}")).isEmpty();
        assertThat(RunEventReader.read(null, "c", "{\"tenant\":\"acme\"}")).isEmpty();
        assertThat(RunEventReader.read("dev.orchestrion.run.started", "s", "not json")).isEmpty();
        assertThat(RunEventReader.read("dev.orchestrion.run.started", "s", "{\"runId\":\"" + RUN + "\"}"))
                .as("no tenant: nobody may see it").isEmpty();
    }
}
