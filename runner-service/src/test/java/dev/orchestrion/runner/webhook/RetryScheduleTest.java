package dev.orchestrion.runner.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.webhook.service.RetrySchedule;

class RetryScheduleTest {

    /** The production defaults: 8 attempts, 5 s, x5, capped at 10 h, ±20 %. */
    private final RetrySchedule defaults = new RetrySchedule(8, Duration.ofSeconds(5), 5.0, Duration.ofHours(10), 0.2);

    @Test
    void theFirstRetryComesWithinSecondsAndTheLastAfterHours() {
        assertThat(defaults.baseDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.baseDelay(2)).isEqualTo(Duration.ofSeconds(25));
        assertThat(defaults.baseDelay(5)).isEqualTo(Duration.ofSeconds(3125));
        assertThat(defaults.baseDelay(6)).isGreaterThan(Duration.ofHours(4));
        assertThat(defaults.baseDelay(7)).isEqualTo(Duration.ofHours(10));
        assertThat(defaults.baseDelay(30)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void retriesUntilTheLastAttemptThenStops() {
        assertThat(defaults.retriesAfter(1)).isTrue();
        assertThat(defaults.retriesAfter(7)).isTrue();
        assertThat(defaults.retriesAfter(8)).isFalse();
    }

    @Test
    void jitterVariesEachWaitWithinItsBounds() {
        Random random = new Random(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long millis = defaults.delay(2, random).toMillis();
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }
        assertThat(min).isGreaterThanOrEqualTo(20_000).isLessThan(21_000);
        assertThat(max).isLessThanOrEqualTo(30_000).isGreaterThan(29_000);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofSeconds(1), 2.0, Duration.ofHours(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(1), 2.0, Duration.ofHours(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
