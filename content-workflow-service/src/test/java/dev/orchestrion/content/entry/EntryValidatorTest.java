package dev.orchestrion.content.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.model.FieldValidations;
import dev.orchestrion.support.domain.FieldViolation;

class EntryValidatorTest {

    private static final ContentType PRODUCT = new ContentType("acme", "product", "id", "Products", "saved",
            List.of(new ContentField("name", null, "text", true, new FieldValidations(2, 20, null, null, null, null)),
                    new ContentField("price", null, "number", true,
                            new FieldValidations(null, null, BigDecimal.ZERO, null, null, null)),
                    new ContentField("stock", null, "integer", false, null),
                    new ContentField("email", null, "email", false, null),
                    new ContentField("kind", null, "select", false,
                            new FieldValidations(null, null, null, null, null,
                                    List.of(TextNode.valueOf("tea"), TextNode.valueOf("coffee")))),
                    new ContentField("releasedAt", null, "datetime", false, null),
                    new ContentField("meta", null, "object", false, null)),
            1, Instant.EPOCH, Instant.EPOCH, false);

    @Test
    void aValidEntryHasNoProblems() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("name", "Gunpowder").put("price", 22)
                .put("stock", 3).put("email", "a@b.io").put("kind", "tea").put("releasedAt", "2026-01-01T10:00:00Z");
        data.putObject("meta").put("origin", "China");
        assertThat(EntryValidator.problems(PRODUCT, data)).isEmpty();
    }

    @Test
    void listsEveryFailure() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("name", "G").put("price", -1).put("stock", 1.5)
                .put("email", "nope").put("kind", "juice").put("releasedAt", "yesterday").put("colour", "red");
        data.putObject("meta").put("$where", 1);
        assertThat(EntryValidator.problems(PRODUCT, data)).containsExactlyInAnyOrder(
                new FieldViolation("colour", "is not a field of content type product"),
                new FieldViolation("meta.$where", "keys may not be empty, start with $ or contain a dot"),
                new FieldViolation("name", "must be at least 2 characters"),
                new FieldViolation("price", "must be at least 0"), new FieldViolation("stock", "must be an integer"),
                new FieldViolation("email", "must be an email address"),
                new FieldViolation("kind", "must be one of [\"tea\", \"coffee\"]"),
                new FieldViolation("releasedAt", "must be an ISO-8601 date or date-time"));
    }

    @Test
    void requiredFieldsMustHaveValues() {
        assertThat(EntryValidator.problems(PRODUCT, JsonNodeFactory.instance.objectNode().put("name", "")))
                .containsExactly(new FieldViolation("name", "is required"), new FieldViolation("price", "is required"));
    }
}
