package dev.orchestrion.runner.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The payload format of the cache channel, and the listener's reconnect delays. */
class CacheChannelTest {

    @Test
    void aPayloadIsAKindAndAKeyAndTheKeyMayHoldColons() {
        assertThat(CacheChannel.parse(CacheChannel.payload(CacheChannel.API_KEY, "ab12")))
                .isEqualTo(new CacheChannel.Notice("api-key", "ab12"));
        assertThat(CacheChannel.parse("bindings:acme:eu")).isEqualTo(new CacheChannel.Notice("bindings", "acme:eu"));
    }

    @Test
    void aPayloadWithoutKindOrKeyIsNoNotice() {
        assertThat(CacheChannel.parse(null)).isNull();
        assertThat(CacheChannel.parse("")).isNull();
        assertThat(CacheChannel.parse("bindings")).isNull();
        assertThat(CacheChannel.parse(":acme")).isNull();
        assertThat(CacheChannel.parse("bindings:")).isNull();
    }

    @Test
    void reconnectsSoonThenBacksOffToFiveSecondsAndNeverGivesUp() {
        assertThat(CacheInvalidationListener.retryDelayMillis(0)).isEqualTo(100);
        assertThat(CacheInvalidationListener.retryDelayMillis(1)).isEqualTo(200);
        assertThat(CacheInvalidationListener.retryDelayMillis(5)).isEqualTo(3_200);
        assertThat(CacheInvalidationListener.retryDelayMillis(6)).isEqualTo(5_000);
        assertThat(CacheInvalidationListener.retryDelayMillis(Integer.MAX_VALUE)).isEqualTo(5_000);
    }
}
