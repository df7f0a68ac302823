package dev.orchestrion.cases.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a name typed into the case search is matched as. */
class NameSearchTest {

    @Test
    void oneWordIsTheStartOfAFirstLastOrCompanyName() {
        assertThat(NameSearch.of("  Hop ").alternatives()).containsExactly(
                new NameSearch.Alternative("Hop%", null, null), new NameSearch.Alternative(null, "Hop%", null),
                new NameSearch.Alternative(null, null, "Hop%"));
    }

    @Test
    void severalWordsAreAlsoTheStartsOfAFirstAndALastNameInEitherOrder() {
        assertThat(NameSearch.of("Mary  Ann Sm").alternatives()).containsExactly(
                new NameSearch.Alternative("Mary Ann Sm%", null, null),
                new NameSearch.Alternative(null, "Mary Ann Sm%", null),
                new NameSearch.Alternative(null, null, "Mary Ann Sm%"),
                new NameSearch.Alternative("Mary%", "Ann Sm%", null),
                new NameSearch.Alternative("Ann Sm%", "Mary%", null),
                new NameSearch.Alternative("Mary Ann%", "Sm%", null),
                new NameSearch.Alternative("Sm%", "Mary Ann%", null));
        assertThat(NameSearch.of("a b c d e f").alternatives()).hasSize(3);
    }

    @Test
    void wildcardsAreMatchedAsThemselves() {
        assertThat(NameSearch.of("50%_off\\").alternatives().get(0).firstName()).isEqualTo("50\\%\\_off\\\\%");
    }

    @Test
    void blankIsNoSearchAndTooLongIsRefused() {
        assertThat(NameSearch.of(null)).isNull();
        assertThat(NameSearch.of(" \t ")).isNull();
        assertThat(NameSearch.of("x".repeat(200))).isNotNull();
        assertThatThrownBy(() -> NameSearch.of("x".repeat(201))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200");
    }
}
