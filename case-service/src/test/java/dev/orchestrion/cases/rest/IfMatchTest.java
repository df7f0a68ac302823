package dev.orchestrion.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.orchestrion.support.problem.ProblemException;

class IfMatchTest {

    @Test
    void readsTheVersionOfAStrongOrWeakEtag() {
        assertThat(IfMatch.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expectedVersion(" W/\"12\" ")).isEqualTo(12L);
    }

    @Test
    void noHeaderOrAStarMeansNoPrecondition() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String bad : new String[]{"3", "\"three\"", "\"3\", \"4\"", "\"-1\""}) {
            assertThatThrownBy(() -> IfMatch.expectedVersion(bad)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
