package dev.orchestrion.support.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        long at = 1_796_540_000_123L;
        UUID id = TimeOrderedIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
        assertThat(Ids.isUuid(id.toString())).isTrue();
    }

    @Test
    void laterIdsSortLaterAsTextAndAsPostgresUuids() {
        UUID earlier = TimeOrderedIds.at(1_796_540_000_123L);
        UUID later = TimeOrderedIds.at(1_796_540_000_124L);
        // PostgreSQL orders uuid values bytewise, which is the order of their canonical text
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_540_000_123L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
