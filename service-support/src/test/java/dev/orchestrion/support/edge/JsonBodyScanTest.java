package dev.orchestrion.support.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

class JsonBodyScanTest {

    @Test
    void aCleanDocumentPasses() {
        JsonBodyScan.Outcome outcome = scan("""
                {"name": "Ada \uD83D\uDE00", "attributes": {"tags": ["a", "b"], "n": 1, "ok": true, "none": null}}""");
        assertThat(outcome.absent()).isFalse();
    }

    @Test
    void nulInATopLevelFieldIsNamed() {
        assertThat(refused("{\"email\": \"a\\u0000@example.com\"}").errors())
                .containsExactly(new Problem.FieldError("email", StorableText.MESSAGE));
    }

    @Test
    void unpairedSurrogatesAtAnyDepthAreNamedByTheirPath() {
        ProblemException problem = refused("""
                {"nodes": [{"id": "a"}, {"id": "b", "properties": {"x": ["ok", "\\ud800"]}}],
                 "attributes": {"note": "\\udc00 alone"}}""");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("nodes[1].properties.x[1]",
                "attributes.note");
        assertThat(problem.getMessage()).contains("nodes[1].properties.x[1]: " + StorableText.MESSAGE);
    }

    @Test
    void aPairedSurrogateWrittenAsEscapesIsFine() {
        assertThat(scan("{\"smile\": \"\\ud83d\\ude00\"}").absent()).isFalse();
    }

    @Test
    void forbiddenFieldNamesAreNamedEscaped() {
        assertThat(refused("{\"attributes\": {\"bad\\u0000key\": 1}}").errors())
                .containsExactly(new Problem.FieldError("attributes.bad\\u0000key", StorableText.NAME_MESSAGE));
    }

    @Test
    void aBareStringDocumentIsCalledBody() {
        assertThat(refused("\"\\u0000\"").errors()).extracting(Problem.FieldError::field).containsExactly("body");
    }

    @Test
    void rawUtf8EncodedSurrogatesAreRefusedToo() {
        byte[] body = "{\"name\": \"x???\"}".getBytes(StandardCharsets.UTF_8);
        // ED A0 80 is U+D800 encoded as if it were a character (CESU-8 style)
        body[11] = (byte) 0xED;
        body[12] = (byte) 0xA0;
        body[13] = (byte) 0x80;
        assertThatThrownBy(() -> JsonBodyScan.scan(body)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        for (String body : new String[]{"{\"a\":1} x", "{}{}", "[1] [2]", "1 2", "{} ,"}) {
            assertThat(refused(body).getMessage()).as(body).contains("after the JSON document");
        }
        assertThat(scan("{\"a\":1}  \n ").absent()).isFalse();
    }

    @Test
    void malformedJsonIsRefused() {
        assertThat(refused("{\"a\":").getMessage()).startsWith("The request body is not valid JSON");
        assertThat(refused("{'a': 1}").getMessage()).startsWith("The request body is not valid JSON");
    }

    @Test
    void saysWhenThereIsNothingToBind() {
        assertThat(scan("").empty()).isTrue();
        assertThat(scan(" \n\t").empty()).isTrue();
        assertThat(JsonBodyScan.scan((byte[]) null).empty()).isTrue();
        assertThat(scan("null").nullDocument()).isTrue();
        assertThat(scan(" null ").absent()).isTrue();
        assertThat(scan("{}").absent()).isFalse();
    }

    @Test
    void listsAtMostTenFields() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 25; i++) {
            body.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": \"\\u0000\"");
        }
        assertThat(refused(body.append('}').toString()).errors()).hasSize(JsonBodyScan.MAX_ERRORS);
    }

    @Test
    void readsTextTheSameWayAsBytes() {
        assertThatThrownBy(() -> JsonBodyScan.scan("{\"a\": [\"\\u0000\"]}")).isInstanceOfSatisfying(
                ProblemException.class,
                p -> assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("a[0]"));
        // a lone surrogate already in the text (not escaped) counts as well
        assertThatThrownBy(() -> JsonBodyScan.scan("{\"a\": \"\uD800\"}")).isInstanceOf(ProblemException.class);
        assertThat(JsonBodyScan.scan("  ").empty()).isTrue();
        assertThatThrownBy(() -> JsonBodyScan.scan("{} {}")).isInstanceOf(ProblemException.class);
    }

    private static JsonBodyScan.Outcome scan(String body) {
        return JsonBodyScan.scan(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException refused(String body) {
        try {
            JsonBodyScan.scan(body.getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }
}
