package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValueFormatsTest {

    @Test
    void nullBlankAndEmptyAreAbsent() {
        assertThat(ValueFormats.isAbsent(null)).isTrue();
        assertThat(ValueFormats.isAbsent(value("null"))).isTrue();
        assertThat(ValueFormats.isAbsent(value("' '"))).isTrue();
        assertThat(ValueFormats.isAbsent(value("[]"))).isTrue();
        assertThat(ValueFormats.isAbsent(value("{}"))).isTrue();
        assertThat(ValueFormats.isAbsent(value("0"))).isFalse();
        assertThat(ValueFormats.isAbsent(value("false"))).isFalse();
    }

    @Test
    void parameterTypes() {
        assertThat(ValueFormats.fitsType("integer", value("3"))).isTrue();
        assertThat(ValueFormats.fitsType("integer", value("3.5"))).isFalse();
        assertThat(ValueFormats.fitsType("number", value("3.5"))).isTrue();
        assertThat(ValueFormats.fitsType("date", value("'2026-01-31'"))).isTrue();
        assertThat(ValueFormats.fitsType("date", value("'31.01.2026'"))).isFalse();
        assertThat(ValueFormats.fitsType("array", value("[]"))).isTrue();
        assertThat(ValueFormats.fitsType(null, value("'x'"))).isFalse();
    }

    @Test
    void durationsInstantsTimesWeekdaysZonesAndIds() {
        assertThat(ValueFormats.isPositiveDuration("PT30S")).isTrue();
        assertThat(ValueFormats.isPositiveDuration("PT0S")).isFalse();
        assertThat(ValueFormats.isPositiveDuration("-PT1S")).isFalse();
        assertThat(ValueFormats.isPositiveDuration("soon")).isFalse();
        assertThat(ValueFormats.parsesAsInstant("2026-01-01T00:00:00+01:00")).isTrue();
        assertThat(ValueFormats.parsesAsInstant("2026-01-01")).isFalse();
        assertThat(ValueFormats.TIME.matcher("23:59").matches()).isTrue();
        assertThat(ValueFormats.TIME.matcher("24:00").matches()).isFalse();
        assertThat(ValueFormats.isWeekday("MONDAY")).isTrue();
        assertThat(ValueFormats.isWeekday("Monday")).isFalse();
        assertThat(ValueFormats.isZone("Europe/Stockholm")).isTrue();
        assertThat(ValueFormats.isZone("Mars/Olympus")).isFalse();
        assertThat(ValueFormats.isUuid("3b2d8a4f-579f-4e2e-a51c-f859e532fe8c")).isTrue();
        assertThat(ValueFormats.isUuid("1-1-1-1-1")).isFalse();
    }

    @Test
    void cronHasFiveUnixFields() {
        assertThat(ValueFormats.cronProblem("0 9 * * MON-FRI")).isEmpty();
        assertThat(ValueFormats.cronProblem("61 * * * *")).isPresent();
        assertThat(ValueFormats.cronProblem("0 0 9 * * ?")).isPresent();
    }

    @Test
    void jsonPointersAreUnescaped() {
        assertThat(ValueFormats.pointerSegments("")).isEmpty();
        assertThat(ValueFormats.pointerSegments("/body/items")).isEqualTo(List.of("body", "items"));
        assertThat(ValueFormats.pointerSegments("/a~1b/c~0d")).isEqualTo(List.of("a/b", "c~d"));
        assertThat(ValueFormats.pointerSegments("body")).isNull();
        assertThat(ValueFormats.pointerSegments("/bad~2")).isNull();
        assertThat(ValueFormats.pointerSegments(null)).isNull();
    }
}
