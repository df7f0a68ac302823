package dev.orchestrion.content.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.EntryQuery;
import dev.orchestrion.content.model.FieldValidations;
import dev.orchestrion.support.domain.FieldViolation;
import dev.orchestrion.support.domain.Invalid;

/** Version numbers, field differences, list queries and content type checks. */
class SmallPiecesTest {

    private static final ContentType POST = new ContentType("acme", "post", "id", "Posts", "saved",
            List.of(new ContentField("title", null, "text", true, null),
                    new ContentField("meta", null, "object", false, null)),
            1, Instant.EPOCH, Instant.EPOCH, false);

    @Test
    void versionNumbersCountMinorSavesAndMajorPublications() {
        assertThat(VersionNumbers.nextMinor("0.1")).isEqualTo("0.2");
        assertThat(VersionNumbers.nextMinor("0.9")).isEqualTo("0.10");
        assertThat(VersionNumbers.nextMajor("0.3")).isEqualTo("1.0");
        assertThat(VersionNumbers.nextMajor("1.4")).isEqualTo("2.0");
        assertThat(VersionNumbers.nextMinor("2.0")).isEqualTo("2.1");
    }

    @Test
    void differencesNameAddedRemovedAndChangedFieldsNestedByPath() {
        ObjectNode from = JsonNodeFactory.instance.objectNode().put("title", "A").put("price", 22).put("old", 1);
        from.putObject("meta").put("level", 1).put("same", "x");
        ObjectNode to = JsonNodeFactory.instance.objectNode().put("title", "B").put("price", 22.0).put("fresh", true);
        to.putObject("meta").put("level", 2).put("same", "x");
        assertThat(FieldDifferences.between(from, to)).extracting(d -> d.field() + ":" + d.change())
                .containsExactly("fresh:added", "meta.level:changed", "old:removed", "title:changed");
        assertThat(FieldDifferences.changedFields(from, to)).containsExactly("fresh", "meta", "old", "title");
        assertThat(FieldDifferences.between(from, from)).isEmpty();
    }

    @Test
    void queriesParseSeed004sFiltersAndPaging() {
        EntryQuery query = EntryQueryParser.parse(POST,
                "{\"title\":{\"type\":\"contains\",\"filter\":\"tea\"},\"internal.workflowState\":"
                        + "{\"type\":\"equals\",\"filter\":\"draft\"},\"meta.level\":{\"type\":\"greaterThan\","
                        + "\"filter\":1}}",
                "title", "desc", 2, 10, new ObjectMapper());
        assertThat(query.conditions()).extracting(EntryQuery.Condition::field).containsExactly("title",
                "internal.workflowState", "meta.level");
        assertThat(query.descending()).isTrue();
        assertThat(query.skip()).isEqualTo(10);
    }

    @Test
    void badQueriesListTheirProblems() {
        assertThatThrownBy(() -> EntryQueryParser.parse(POST,
                "{\"nope\":{\"type\":\"equals\",\"filter\":1},\"title\":{\"type\":\"like\",\"filter\":\"a\"}}", "x",
                "up", 0, 5000, new ObjectMapper())).isInstanceOfSatisfying(Invalid.class,
                        e -> assertThat(e.fields()).extracting(FieldViolation::field).containsExactly("filters.nope",
                                "filters.title.type", "order_by", "order_direction", "page", "limit"));
        assertThatThrownBy(() -> EntryQueryParser.parse(POST, "{not json", null, null, null, null, new ObjectMapper()))
                .isInstanceOfSatisfying(Invalid.class,
                        e -> assertThat(e.fields()).extracting(FieldViolation::field).containsExactly("filters"));
    }

    @Test
    void contentTypeFieldsAreCheckedAllAtOnce() {
        List<ContentField> fields = List.of(new ContentField("title", null, "text", true, null),
                new ContentField("title", null, "text", false, null), new ContentField("id", null, "text", false, null),
                new ContentField("1bad", null, "blob", false, null),
                new ContentField("kind", null, "select", false, null), new ContentField("size", null, "number", false,
                        new FieldValidations(5, 2, java.math.BigDecimal.TEN, java.math.BigDecimal.ONE, "(", null)));
        assertThat(ContentTypeValidator.problems(fields)).extracting(FieldViolation::field).containsExactly(
                "fields[1].name", "fields[2].name", "fields[3].name", "fields[3].type", "fields[4].validations.options",
                "fields[5].validations", "fields[5].validations", "fields[5].validations.pattern");
    }
}
