package dev.orchestrion.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.Definitions;
import dev.orchestrion.runner.PeerEvents;
import dev.orchestrion.runner.PeerServices;
import dev.orchestrion.testsupport.TestInfrastructure;
import dev.orchestrion.testsupport.TestPostgres;

/**
 * Two packaged runners, each its own process, share one database and Kafka; both tick the schedules. Each tick of a
 * schedule fires once: one firing row and one run per tick, never two, also after one instance is killed.
 */
@Tag("packaged-runner")
class ScheduleTwoInstancesIT {

    private static final String DATABASE = "runner_schedule_it";
    private static final Map<String, String> FAST_TICKS = Map.of("orchestrion.runner.schedules.tick-interval",
            "PT0.2S");

    @Test
    void eachTickFiresOnceWithTwoInstances() throws Exception {
        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.recreateDatabase(DATABASE);
        String peers = PeerServices.server().baseUrl();
        String tenant = "sched-it";
        String definitionId = PeerServices.activeDefinition(
                Definitions.echoingTrigger("every 2 s", "{\"kind\": \"schedule\", \"interval\": \"PT2S\"}", null));
        UUID systemCase = PeerEvents.systemCaseFor(definitionId);

        try (RunnerProcess first = RunnerProcess.start("first", DATABASE, peers, FAST_TICKS);
                RunnerProcess second = RunnerProcess.start("second", DATABASE, peers, FAST_TICKS)) {
            first.awaitReady();
            second.awaitReady();
            PeerEvents.definitionEvent(tenant, definitionId, "started", "ACTIVE", 1, 1);

            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(firings(postgres, definitionId))
                            .as("firings; logs:\n%s\n---\n%s", first.tail(), second.tail())
                            .hasSizeGreaterThanOrEqualTo(5));
            first.kill();
            int beforeKill = firings(postgres, definitionId).size();
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> firings(postgres, definitionId).size() >= beforeKill + 4);
        }

        List<Instant> ticks = firings(postgres, definitionId);
        assertThat(new HashSet<>(ticks)).as("ticks fired").hasSameSizeAs(ticks);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(Duration.between(ticks.get(i - 1), ticks.get(i)).toMillis() % 2000).isZero();
        }
        List<String> runTicks = runTicks(postgres, definitionId);
        assertThat(runTicks).as("one run per tick").doesNotHaveDuplicates()
                .hasSameSizeAs(started(postgres, definitionId));
        assertThat(runTicks).containsExactlyInAnyOrderElementsOf(
                started(postgres, definitionId).stream().map(Instant::toString).toList());
        assertThat(caseIds(postgres, definitionId)).containsOnly(systemCase);
    }

    /** Every decided tick (STARTED or otherwise), oldest first. */
    private static List<Instant> firings(TestPostgres postgres, String definitionId) throws Exception {
        return instants(postgres, "SELECT tick FROM schedule_firings WHERE definition_id = ? ORDER BY tick",
                definitionId);
    }

    private static List<Instant> started(TestPostgres postgres, String definitionId) throws Exception {
        return instants(postgres,
                "SELECT tick FROM schedule_firings WHERE definition_id = ? AND status = 'STARTED' ORDER BY tick",
                definitionId);
    }

    private static List<String> runTicks(TestPostgres postgres, String definitionId) throws Exception {
        List<String> ticks = new ArrayList<>();
        try (Connection db = connect(postgres);
                PreparedStatement statement = db
                        .prepareStatement("SELECT state->'trigger'->>'tick' FROM runs WHERE definition_id = ?")) {
            statement.setObject(1, UUID.fromString(definitionId));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ticks.add(rs.getString(1));
                }
            }
        }
        return ticks;
    }

    private static List<UUID> caseIds(TestPostgres postgres, String definitionId) throws Exception {
        List<UUID> cases = new ArrayList<>();
        try (Connection db = connect(postgres);
                PreparedStatement statement = db
                        .prepareStatement("SELECT DISTINCT case_id FROM runs WHERE definition_id = ?")) {
            statement.setObject(1, UUID.fromString(definitionId));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cases.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return cases;
    }

    private static List<Instant> instants(TestPostgres postgres, String sql, String definitionId) throws Exception {
        List<Instant> found = new ArrayList<>();
        try (Connection db = connect(postgres); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(definitionId));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        return found;
    }

    private static Connection connect(TestPostgres postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
    }
}
