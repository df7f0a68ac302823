package dev.orchestrion.support.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class GroupCommitTest {

    /** A store whose writes finish when the test says, so what waits can be seen. */
    private final List<List<Integer>> writes = new CopyOnWriteArrayList<>();
    private final List<UniEmitter<? super Void>> open = new CopyOnWriteArrayList<>();

    private Uni<Void> write(List<Integer> items) {
        writes.add(items);
        return Uni.createFrom().emitter(open::add);
    }

    @Test
    void theFirstItemIsWrittenAtOnceAndThoseThatCameMeanwhileGoTogetherNext() {
        GroupCommit<Integer> commit = new GroupCommit<>(this::write, 100);
        List<Uni<Void>> done = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Uni<Void> submitted = commit.submit(i).memoize().indefinitely();
            submitted.subscribe().with(ok -> {
            });
            done.add(submitted);
        }
        assertThat(writes).containsExactly(List.of(1)); // 2, 3, 4 wait for the write in flight

        open.get(0).complete(null);
        assertThat(writes).containsExactly(List.of(1), List.of(2, 3, 4));
        assertThat(done.get(0).await().atMost(Duration.ofSeconds(1))).isNull();

        open.get(1).complete(null);
        done.forEach(d -> assertThat(d.await().atMost(Duration.ofSeconds(1))).isNull());
        commit.submit(5).subscribe().with(ok -> {
        });
        assertThat(writes).hasSize(3).last().isEqualTo(List.of(5)); // nothing in flight: written at once
    }

    @Test
    void aBatchIsBoundedAndAFailedWriteFailsOnlyItsOwnItems() {
        GroupCommit<Integer> commit = new GroupCommit<>(this::write, 2);
        List<Uni<Void>> done = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Uni<Void> submitted = commit.submit(i).memoize().indefinitely();
            submitted.subscribe().with(ok -> {
            }, e -> {
            });
            done.add(submitted);
        }
        open.get(0).fail(new IllegalStateException("disk full"));
        assertThat(writes).containsExactly(List.of(1), List.of(2, 3));
        assertThatThrownBy(() -> done.get(0).await().atMost(Duration.ofSeconds(1))).hasMessage("disk full");

        open.get(1).complete(null);
        assertThat(writes).containsExactly(List.of(1), List.of(2, 3), List.of(4));
        assertThat(done.get(2).await().atMost(Duration.ofSeconds(1))).isNull();
        open.get(2).complete(null);
        assertThat(done.get(3).await().atMost(Duration.ofSeconds(1))).isNull();
    }
}
