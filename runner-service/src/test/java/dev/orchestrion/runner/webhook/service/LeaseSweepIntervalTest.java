package dev.orchestrion.runner.webhook.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How often expired webhook leases are returned: a quarter of the lease, kept between 250 ms and 10 s. */
class LeaseSweepIntervalTest {

    @Test
    void aQuarterOfTheLeaseWithinItsBounds() {
        assertThat(WebhookDispatcher.leaseSweepInterval(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(2500));
        assertThat(WebhookDispatcher.leaseSweepInterval(Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookDispatcher.leaseSweepInterval(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookDispatcher.leaseSweepInterval(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(250));
    }
}
