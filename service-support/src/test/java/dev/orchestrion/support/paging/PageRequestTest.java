package dev.orchestrion.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;

class PageRequestTest {

    @Test
    void absentOrBlankParametersAreTheEndpointsDefaults() {
        assertThat(PageRequest.of(null, null, 20, 100)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(" ", "", 50, 200)).isEqualTo(new PageRequest(0, 50));
    }

    @Test
    void givenParametersAreReadAsWholeNumbersInRange() {
        assertThat(PageRequest.of("3", " 100 ", 20, 100)).isEqualTo(new PageRequest(3, 100));
        assertThat(PageRequest.of("1000000", "1", 20, 100).offset()).isEqualTo(1_000_000L);
        assertThat(new PageRequest(2, 25).offset()).isEqualTo(50L);
    }

    @Test
    void everyBadParameterIsNamedInOneRefusal() {
        assertThatThrownBy(() -> PageRequest.of("-1", "x", 20, 100)).isInstanceOfSatisfying(Invalid.class, e -> {
            assertThat(e.fields()).containsExactly(
                    new FieldViolation("page", "must be a whole number from 0 to 1000000"),
                    new FieldViolation("size", "must be a whole number from 1 to 100"));
            assertThat(e.detail()).isEqualTo(
                    "page: must be a whole number from 0 to 1000000; " + "size: must be a whole number from 1 to 100");
        });
        assertThatThrownBy(() -> PageRequest.of("two", null, 20, 100)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.fields()).extracting(FieldViolation::field).containsExactly("page"));
        assertThatThrownBy(() -> PageRequest.of(null, "201", 20, 200)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.fields())
                        .containsExactly(new FieldViolation("size", "must be a whole number from 1 to 200")));
        assertThatThrownBy(() -> PageRequest.of("1000001", "0", 20, 200)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.fields()).extracting(FieldViolation::field).containsExactly("page", "size"));
    }

    @Test
    void aPageKeepsWhatWasAskedAndConvertsItsItems() {
        Page<Integer> page = Page.of(new PageRequest(1, 2), List.of(3, 4), 5);
        assertThat(page).isEqualTo(new Page<>(List.of(3, 4), 1, 2, 5));
        assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#3", "#4"), 1, 2, 5));
    }
}
