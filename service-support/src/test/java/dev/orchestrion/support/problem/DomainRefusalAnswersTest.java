package dev.orchestrion.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orchestrion.support.domain.Conflict;
import dev.orchestrion.support.domain.Duplicate;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;
import dev.orchestrion.support.domain.NotAllowed;
import dev.orchestrion.support.domain.NotFound;
import dev.orchestrion.support.domain.Overloaded;
import dev.orchestrion.support.domain.PeerRefused;
import dev.orchestrion.support.domain.StaleVersion;
import dev.orchestrion.support.domain.Unavailable;
import dev.orchestrion.support.domain.Unprocessable;

/**
 * Each refusal of the domain gets the one problem+json answer of its kind: the same status, type, title, detail and
 * errors that the services answered when they threw ProblemException themselves.
 */
class DomainRefusalAnswersTest {

    private static final String TYPES = "https://orchestrion.dev/problems/";

    @Test
    void eachKindOfRefusalHasTheAnswerItHadAsAProblemException() {
        assertSameAnswer(new NotFound("Case", "c-1"), ProblemException.notFound("Case", "c-1"));
        assertSameAnswer(new Conflict("Case c-1 was erased"), ProblemException.conflict("Case c-1 was erased"));
        assertSameAnswer(new Duplicate("name", "A connection named crm exists"),
                ProblemException.duplicate("name", "A connection named crm exists"));
        assertSameAnswer(new StaleVersion("Case c-1 is at version 2, not 1"),
                ProblemException.staleVersion("Case c-1 is at version 2, not 1"));
        assertSameAnswer(new NotAllowed("Your roles may not invoke w.draft.submit"),
                ProblemException.forbidden("Your roles may not invoke w.draft.submit"));
        assertSameAnswer(Invalid.field("email", "must be a well-formed email address"),
                ProblemException.validation("email", "must be a well-formed email address"));
        assertSameAnswer(new Invalid("The .cn file is empty"), ProblemException.badRequest("The .cn file is empty"));
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("order[0]", "is not ACTIVE"));
        assertSameAnswer(
                new Unprocessable("Only ACTIVE definitions can be ordered",
                        List.of(new FieldViolation("order[0]", "is not ACTIVE"))),
                ProblemException.unprocessable("Only ACTIVE definitions can be ordered", errors));
        assertSameAnswer(new Unavailable("definition-service is unavailable"),
                ProblemException.unavailable("definition-service is unavailable"));
    }

    @Test
    void tooMuchAtOnceIs429ForATenantAnd503ForTheServiceEachSayingWhenToRetry() {
        ProblemException tenant = ProblemException
                .from(new Overloaded("Tenant acme has 256 run requests in progress", false, Duration.ofMillis(1500)));
        assertThat(tenant.status()).isEqualTo(429);
        assertThat(tenant.toProblem("/workflows/run").type()).isEqualTo(TYPES + "too-many-requests");
        assertThat(tenant.retryAfterSeconds()).isEqualTo(2L);

        ProblemException platform = ProblemException
                .from(new Overloaded("The runner is at capacity", true, Duration.ofSeconds(1)));
        assertThat(platform.status()).isEqualTo(503);
        assertThat(platform.toProblem("/workflows/run").type()).isEqualTo(TYPES + "overloaded");
        assertThat(platform.retryAfterSeconds()).isEqualTo(1L);
        assertThat(ProblemException.from(new Unavailable("down")).retryAfterSeconds()).isNull();
    }

    @Test
    void invalidWithFieldsIsAValidationProblemListingThemAndWithoutIsABadRequest() {
        Problem fields = ProblemException.from(Invalid.fields(List.of(new FieldViolation("page", "must be 0 or more"),
                new FieldViolation("size", "must be a whole number from 1 to 100")))).toProblem("/cases");
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.type()).isEqualTo(TYPES + "validation");
        assertThat(fields.detail()).isEqualTo("page: must be 0 or more; size: must be a whole number from 1 to 100");
        assertThat(fields.errors()).extracting(Problem.FieldError::field).containsExactly("page", "size");

        Problem whole = ProblemException.from(new Invalid("A request body is required")).toProblem("/cases");
        assertThat(whole.type()).isEqualTo(TYPES + "bad-request");
        assertThat(whole.title()).isEqualTo("Bad request");
        assertThat(whole.errors()).isEmpty();
    }

    @Test
    void aPeerThatRefusesIsABadGateway() {
        Problem problem = ProblemException.from(new PeerRefused("definition-service refused")).toProblem("/x");
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.type()).isEqualTo(TYPES + "peer-refused");
        assertThat(problem.title()).isEqualTo("Bad gateway");
        assertThat(problem.detail()).isEqualTo("definition-service refused");
    }

    @Test
    void aSubclassOfAKindGetsTheAnswerOfItsKind() {
        class Erased extends Conflict {

            Erased() {
                super("Case c-1 was erased");
            }
        }
        assertThat(ProblemException.from(new Erased()).status()).isEqualTo(409);
        assertThat(ProblemException.from(new Erased()).type()).isEqualTo(TYPES + "conflict");
    }

    private static void assertSameAnswer(dev.orchestrion.support.domain.DomainException refusal,
            ProblemException expected) {
        assertThat(ProblemException.from(refusal).toProblem("/path")).isEqualTo(expected.toProblem("/path"));
    }
}
