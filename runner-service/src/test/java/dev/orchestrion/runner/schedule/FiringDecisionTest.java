package dev.orchestrion.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.schedule.service.FiringDecision;
import dev.orchestrion.runner.schedule.service.ScheduleSpec;

class FiringDecisionTest {

    private static final Duration MISSED_AFTER = Duration.ofMinutes(1);
    private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aDueTickFiresOnTimeAndTheNextTickFollows() {
        ScheduleSpec spec = ScheduleSpecTest.spec("{\"kind\":\"schedule\",\"interval\":\"PT10M\"}");
        FiringDecision decision = FiringDecision.decide(spec, ANCHOR, at("00:10:00"), at("00:10:00.300"), MISSED_AFTER);
        assertThat(decision.tick()).isEqualTo(at("00:10:00"));
        assertThat(decision.missed()).isFalse();
        assertThat(decision.nextFireAt()).isEqualTo(at("00:20:00"));
    }

    @Test
    void missedTicksAreSkippedByDefault() {
        ScheduleSpec spec = ScheduleSpecTest.spec("{\"kind\":\"schedule\",\"interval\":\"PT10M\"}");
        FiringDecision decision = FiringDecision.decide(spec, ANCHOR, at("00:10:00"), at("01:05:00"), MISSED_AFTER);
        assertThat(decision.tick()).isNull();
        assertThat(decision.nextFireAt()).isEqualTo(at("01:10:00"));
    }

    @Test
    void missedTicksFireOnceOnRecoveryWithFireOnce() {
        ScheduleSpec spec = ScheduleSpecTest
                .spec("{\"kind\":\"schedule\",\"interval\":\"PT10M\",\"missedFirings\":\"fire-once\"}");
        FiringDecision decision = FiringDecision.decide(spec, ANCHOR, at("00:10:00"), at("01:05:00"), MISSED_AFTER);
        assertThat(decision.tick()).isEqualTo(at("01:00:00"));
        assertThat(decision.missed()).isTrue();
        assertThat(decision.nextFireAt()).isEqualTo(at("01:10:00"));
    }

    @Test
    void aLateButRecentTickStillFiresOnTimeAndStandsForTheOnesBefore() {
        ScheduleSpec spec = ScheduleSpecTest.spec("{\"kind\":\"schedule\",\"interval\":\"PT10S\"}");
        FiringDecision decision = FiringDecision.decide(spec, ANCHOR, at("00:00:10"), at("00:00:45"), MISSED_AFTER);
        assertThat(decision.tick()).isEqualTo(at("00:00:40"));
        assertThat(decision.missed()).isFalse();
        assertThat(decision.nextFireAt()).isEqualTo(at("00:00:50"));
    }

    @Test
    void ticksOutsideTheWindowDoNotFireButFireOncePicksTheLastOneInside() {
        String window = "\"window\":{\"from\":\"00:00\",\"to\":\"00:30\"}";
        ScheduleSpec skip = ScheduleSpecTest.spec("{\"kind\":\"schedule\",\"interval\":\"PT10M\"," + window + "}");
        assertThat(FiringDecision.decide(skip, ANCHOR, at("00:40:00"), at("00:40:01"), MISSED_AFTER).tick()).isNull();
        ScheduleSpec once = ScheduleSpecTest
                .spec("{\"kind\":\"schedule\",\"interval\":\"PT10M\",\"missedFirings\":\"fire-once\"," + window + "}");
        FiringDecision decision = FiringDecision.decide(once, ANCHOR, at("00:10:00"), at("00:55:00"), MISSED_AFTER);
        assertThat(decision.tick()).isEqualTo(at("00:20:00"));
        assertThat(decision.missed()).isTrue();
    }

    @Test
    void nothingFiresBeforeTheNextTick() {
        ScheduleSpec spec = ScheduleSpecTest.spec("{\"kind\":\"schedule\",\"cron\":\"0 * * * *\"}");
        FiringDecision decision = FiringDecision.decide(spec, ANCHOR, at("01:00:00"), at("00:59:59"), MISSED_AFTER);
        assertThat(decision.tick()).isNull();
        assertThat(decision.nextFireAt()).isEqualTo(at("01:00:00"));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-01-01T" + time + "Z");
    }
}
