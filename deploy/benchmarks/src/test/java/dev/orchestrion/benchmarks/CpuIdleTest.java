package dev.orchestrion.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The idle share of a window from two readings of /proc/stat's aggregate cpu line. */
class CpuIdleTest {

    private static final String AT_OPEN = """
            cpu  1849701 0 157616 646127 960 0 5281 2324 0 0
            cpu0 924760 0 75977 326534 269 0 2265 1147 0 0
            cpu1 924941 0 81638 319592 690 0 3016 1176 0 0
            intr 123456 0 0
            ctxt 987654
            """;

    // +150 user (40 of them guest), +30 system, +100 idle, +20 iowait, +5 softirq, +5 steal, +40 guest
    private static final String AT_CLOSE = """
            cpu  1849851 0 157646 646227 980 0 5286 2329 40 0
            cpu0 1 2 3 4 5 6 7 8 9 10
            cpu1 1 2 3 4 5 6 7 8 9 10
            """;

    @Test
    void theAggregateLineGivesIdlePlusIowaitAndTheTotalWithoutGuestTicks() {
        CpuIdle.Sample sample = CpuIdle.parse(AT_OPEN);

        assertThat(sample.idleTicks()).isEqualTo(646127L + 960);
        assertThat(sample.totalTicks()).isEqualTo(1849701L + 157616 + 646127 + 960 + 5281 + 2324);
    }

    @Test
    void theShareIsIdleAndIowaitTicksOverAllTicksOfTheWindowWithGuestTimeCountedOnce() {
        Double share = CpuIdle.share(CpuIdle.parse(AT_OPEN), CpuIdle.parse(AT_CLOSE));

        // (100 + 20) / (150 + 30 + 100 + 20 + 5 + 5): guest ticks are already in user
        assertThat(share).isCloseTo(120.0 / 310.0, within(1e-9));
    }

    @Test
    void anOlderKernelsShorterLineStillCounts() {
        CpuIdle.Sample sample = CpuIdle.parse("cpu 10 0 5 80 5\n");

        assertThat(sample.idleTicks()).isEqualTo(85);
        assertThat(sample.totalTicks()).isEqualTo(100);
    }

    @Test
    void noShareWithoutBothReadingsOrWhenNoTickPassed() {
        CpuIdle.Sample sample = CpuIdle.parse(AT_OPEN);

        assertThat(CpuIdle.share(null, sample)).isNull();
        assertThat(CpuIdle.share(sample, null)).isNull();
        assertThat(CpuIdle.share(sample, sample)).isNull();
    }

    @Test
    void textWithoutTheAggregateLineIsRefused() {
        assertThatThrownBy(() -> CpuIdle.parse("cpu0 1 2 3 4 5\nintr 1\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu line");
        assertThatThrownBy(() -> CpuIdle.parse("cpu 1 2\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few fields");
    }

    @Test
    void thisMachinesProcStatReadsWhereThereIsOne() {
        CpuIdle.Sample sample = CpuIdle.sample();

        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) {
            assertThat(sample).isNotNull();
            assertThat(sample.idleTicks()).isBetween(0L, sample.totalTicks());
        } else {
            assertThat(sample).isNull();
        }
    }
}
