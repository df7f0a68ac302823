package dev.orchestrion.runner.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The executors that may park a run (delay, waitForEvent): when they wait, and when they go on at once. */
class WaitExecutorsTest {

    /** Monday 2 March 2026, 10:00 UTC (11:00 in Stockholm). */
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Nested
    class DelayNode {

        private NodeResult delay(String properties) {
            NodeFixture f = NodeFixture.nodes("{\"id\":\"wait\",\"type\":\"delay\",\"properties\":" + properties + "}",
                    Map.of("at", "2026-03-02T12:30:00Z"));
            f.now = NOW;
            return f.execute("wait");
        }

        @Test
        void aDurationWaitsThatLong() {
            assertThat(delay("{\"mode\":\"duration\",\"duration\":\"PT5M\"}"))
                    .isEqualTo(NodeResult.Waiting.timer(Instant.parse("2026-03-02T10:05:00Z")));
        }

        @Test
        void untilAnInstantGivenAsTextOrExpression() {
            assertThat(delay("{\"mode\":\"until\",\"until\":\"2026-03-02T13:00:00+01:00\"}"))
                    .isEqualTo(NodeResult.Waiting.timer(Instant.parse("2026-03-02T12:00:00Z")));
            assertThat(delay("{\"mode\":\"until\",\"until\":\"params.at\"}"))
                    .isEqualTo(NodeResult.Waiting.timer(Instant.parse("2026-03-02T12:30:00Z")));
        }

        @Test
        void aMomentAlreadyHereGoesOnAtOnce() {
            assertThat(delay("{\"mode\":\"duration\",\"duration\":\"PT0S\"}"))
                    .isEqualTo(new NodeResult.Completed("next", Map.of("resumedAt", NOW.toString())));
        }

        @Test
        void theNextWeekdayOrTimeOfDayInTheNodesTimeZone() {
            // Monday 11:00 in Stockholm: Monday 09:00 is past, so next Monday; 09:00 is tomorrow
            assertThat(delay("{\"mode\":\"weekday\",\"weekday\":\"MONDAY\",\"time\":\"09:00\","
                    + "\"timeZone\":\"Europe/Stockholm\"}"))
                    .isEqualTo(NodeResult.Waiting.timer(Instant.parse("2026-03-09T08:00:00Z")));
            assertThat(delay("{\"mode\":\"weekday\",\"weekday\":\"TUESDAY\"}"))
                    .isEqualTo(NodeResult.Waiting.timer(Instant.parse("2026-03-03T00:00:00Z")));
            assertThat(delay("{\"mode\":\"timeOfDay\",\"time\":\"09:00\",\"timeZone\":\"Europe/Stockholm\"}"))
                    .isEqualTo(NodeResult.Waiting.timer(Instant.parse("2026-03-03T08:00:00Z")));
        }

        @Test
        void anUnknownModeIsRefused() {
            assertThatThrownBy(() -> delay("{\"mode\":\"whenever\"}")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whenever");
        }
    }

    @Nested
    class WaitForEventNode {

        private static final String APPROVAL = """
                {"id":"approval","type":"waitForEvent","properties":{"signal":"approved","timeout":"PT1H"}}
                """;

        @Test
        void withoutAKeptSignalItWaitsUntilItsTimeout() {
            NodeFixture f = NodeFixture.nodes(APPROVAL, Map.of());
            f.now = NOW;
            f.state.signalKept("other", 1L);
            assertThat(f.execute("approval"))
                    .isEqualTo(NodeResult.Waiting.signal("approved", Instant.parse("2026-03-02T11:00:00Z")));
        }

        @Test
        void withoutATimeoutItWaitsForever() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"approval","type":"waitForEvent","properties":{"signal":"approved"}}
                    """, Map.of());
            assertThat(f.execute("approval")).isEqualTo(NodeResult.Waiting.signal("approved", null));
        }

        @Test
        void aSignalThatCameEarlyIsTakenAtOnceAndTheEngineRemovesIt() {
            NodeFixture f = NodeFixture.nodes(APPROVAL, Map.of());
            f.state.signalKept("approved", Map.of("by", "ada"));
            f.state.signalKept("approved", Map.of("by", "grace"));
            NodeResult result = f.execute("approval");

            Map<String, Object> received = new LinkedHashMap<>();
            received.put("signal", "approved");
            received.put("data", Map.of("by", "ada"));
            received.put("timedOut", false);
            assertThat(result)
                    .isEqualTo(new NodeResult.Completed("received", received, new StateChange.SignalTaken("approved")));
            assertThat(f.state.signals()).hasSize(2);
            f.apply("approval", result);
            assertThat(f.state.signals()).singleElement()
                    .satisfies(kept -> assertThat(kept.data()).isEqualTo(Map.of("by", "grace")));
        }

        @Test
        void theResultsOfASignalOrATimeout() {
            assertThat(WaitForEventExecutor.received("go", 1L).data()).containsEntry("data", 1L)
                    .containsEntry("timedOut", false);
            assertThat(WaitForEventExecutor.received("go", 1L).output()).isEqualTo("received");
            assertThat(WaitForEventExecutor.timedOut("go").output()).isEqualTo("timeout");
            assertThat(WaitForEventExecutor.timedOut("go").data()).containsEntry("timedOut", true).containsEntry("data",
                    null);
        }
    }
}
