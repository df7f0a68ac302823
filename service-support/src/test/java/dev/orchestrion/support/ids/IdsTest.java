package dev.orchestrion.support.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.problem.ProblemException;

class IdsTest {

    @Test
    void aUuidMustBeInCanonicalForm() {
        String id = UUID.randomUUID().toString();
        assertThat(Ids.isUuid(id)).isTrue();
        assertThat(Ids.isUuid(id.toUpperCase())).isTrue();
        assertThat(Ids.isUuid("1-1-1-1-1")).as("UUID.fromString takes it; we do not").isFalse();
        assertThat(Ids.isUuid("\ud800")).isFalse();
        assertThat(Ids.isUuid("../" + id)).isFalse();
        assertThat(Ids.isUuid(id + "\u0000")).isFalse();
        assertThat(Ids.isUuid(" " + id)).isFalse();
        assertThat(Ids.isUuid("")).isFalse();
        assertThat(Ids.isUuid(null)).isFalse();
    }

    @Test
    void aNameIsLettersDigitsUnderscoresAndDashes() {
        assertThat(Ids.isName("blogPost")).isTrue();
        assertThat(Ids.isName("entry_1-a")).isTrue();
        assertThat(Ids.isName("1abc")).isTrue();
        assertThat(Ids.isName("a".repeat(128))).isTrue();
        assertThat(Ids.isName("a".repeat(129))).isFalse();
        assertThat(Ids.isName("-abc")).isFalse();
        assertThat(Ids.isName("..")).isFalse();
        assertThat(Ids.isName("../etc")).isFalse();
        assertThat(Ids.isName("a\ud800")).isFalse();
        assertThat(Ids.isName("a\u0000")).isFalse();
        assertThat(Ids.isName("a b")).isFalse();
        assertThat(Ids.isName("")).isFalse();
    }

    @Test
    void anOptionalUuidIsA400NamingTheField() {
        assertThat(Ids.uuid("caseId", null)).isNull();
        assertThat(Ids.uuid("caseId", " ")).isNull();
        UUID id = UUID.randomUUID();
        assertThat(Ids.uuid("caseId", id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> Ids.uuid("caseId", "1-1-1-1-1")).isInstanceOfSatisfying(Invalid.class, e -> {
            assertThat(ProblemException.from(e).status()).isEqualTo(400);
            assertThat(ProblemException.from(e).errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("caseId");
                assertThat(f.message()).isEqualTo("must be a UUID");
            });
        });
    }

    @Test
    void aMalformedPathIdIsNotFoundWithoutEchoingIt() {
        ProblemException e = Ids.notFound("id");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).doesNotContain("\ud800");
    }
}
