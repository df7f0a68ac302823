package dev.orchestrion.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.runner.schedule.service.ScheduleSpec;

class ScheduleSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cronTicksInTheSchedulesTimeZone() {
        ScheduleSpec spec = spec(
                "{\"kind\":\"schedule\",\"cron\":\"0 9 * * MON-FRI\",\"timeZone\":\"Europe/Stockholm\"}");
        // Friday 11:00 in Stockholm (CET): the next tick is Monday 09:00 CET
        assertThat(spec.nextAfter(Instant.parse("2026-03-06T10:00:00Z"), Instant.EPOCH))
                .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        // in summer time (CEST) 09:00 is 07:00 UTC
        assertThat(spec.nextAfter(Instant.parse("2026-07-01T06:00:00Z"), Instant.EPOCH))
                .isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
        assertThat(spec.latestAtOrBefore(Instant.parse("2026-03-09T08:00:00Z"), Instant.EPOCH))
                .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
        assertThat(spec.latestAtOrBefore(Instant.parse("2026-03-09T07:59:59Z"), Instant.EPOCH))
                .isEqualTo(Instant.parse("2026-03-06T08:00:00Z"));
    }

    @Test
    void intervalTicksCountFromTheAnchor() {
        ScheduleSpec spec = spec("{\"kind\":\"schedule\",\"interval\":\"PT10M\"}");
        Instant anchor = Instant.parse("2026-01-01T00:03:00Z");
        assertThat(spec.nextAfter(anchor, anchor)).isEqualTo(Instant.parse("2026-01-01T00:13:00Z"));
        assertThat(spec.nextAfter(Instant.parse("2026-01-01T00:13:00Z"), anchor))
                .isEqualTo(Instant.parse("2026-01-01T00:23:00Z"));
        assertThat(spec.latestAtOrBefore(Instant.parse("2026-01-01T00:12:59Z"), anchor)).isNull();
        assertThat(spec.latestAtOrBefore(Instant.parse("2026-01-01T01:00:00Z"), anchor))
                .isEqualTo(Instant.parse("2026-01-01T00:53:00Z"));
    }

    @Test
    void windowsLimitTheHoursAndDays() {
        ScheduleSpec office = spec("{\"kind\":\"schedule\",\"interval\":\"PT1H\",\"timeZone\":\"UTC\","
                + "\"window\":{\"from\":\"09:00\",\"to\":\"17:00\",\"days\":[\"MONDAY\",\"FRIDAY\"]}}");
        assertThat(office.inWindow(Instant.parse("2026-03-06T09:00:00Z"))).isTrue();
        assertThat(office.inWindow(Instant.parse("2026-03-06T17:00:00Z"))).isFalse();
        assertThat(office.inWindow(Instant.parse("2026-03-06T08:59:00Z"))).isFalse();
        assertThat(office.inWindow(Instant.parse("2026-03-05T12:00:00Z"))).isFalse();
        ScheduleSpec night = spec(
                "{\"kind\":\"schedule\",\"interval\":\"PT1H\"," + "\"window\":{\"from\":\"22:00\",\"to\":\"06:00\"}}");
        assertThat(night.inWindow(Instant.parse("2026-03-05T23:00:00Z"))).isTrue();
        assertThat(night.inWindow(Instant.parse("2026-03-05T05:59:00Z"))).isTrue();
        assertThat(night.inWindow(Instant.parse("2026-03-05T12:00:00Z"))).isFalse();
    }

    @Test
    void readsTheOptions() {
        ScheduleSpec spec = spec("{\"kind\":\"schedule\",\"cron\":\"*/5 * * * *\",\"singleInstance\":true,"
                + "\"missedFirings\":\"fire-once\"}");
        assertThat(spec.singleInstance()).isTrue();
        assertThat(spec.fireMissedOnce()).isTrue();
        assertThat(spec("{\"kind\":\"schedule\",\"cron\":\"*/5 * * * *\"}").fireMissedOnce()).isFalse();
    }

    @Test
    void refusesWhatIsNotASchedule() {
        assertThatThrownBy(() -> spec("{\"kind\":\"schedule\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec("{\"kind\":\"schedule\",\"cron\":\"* *\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec("{\"kind\":\"event\",\"eventType\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ScheduleSpec spec(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return ScheduleSpec.parse(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
