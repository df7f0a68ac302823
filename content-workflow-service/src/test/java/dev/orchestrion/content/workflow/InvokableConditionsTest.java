package dev.orchestrion.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.orchestrion.content.model.workflow.InvokableCondition;

class InvokableConditionsTest {

    private final EntryContext entry = new EntryContext("draft", true, false, true,
            JsonNodeFactory.instance.objectNode().put("price", 22.0).put("kind", "tea").set("meta",
                    JsonNodeFactory.instance.objectNode().put("level", 2)));

    @Test
    void functionsDescribeTheEntrysSchedulesAndPublication() {
        assertThat(holds("isScheduledForPublish()", BooleanNode.TRUE)).isTrue();
        assertThat(holds("isScheduledForUnpublish()", BooleanNode.TRUE)).isFalse();
        assertThat(holds("isPublished()", BooleanNode.TRUE)).isTrue();
    }

    @Test
    void fieldPathsCompareValuesNumbersByValue() {
        assertThat(holds("price", IntNode.valueOf(22))).isTrue();
        assertThat(holds("kind", TextNode.valueOf("tea"))).isTrue();
        assertThat(holds("meta.level", IntNode.valueOf(2))).isTrue();
        assertThat(holds("missing", NullNode.getInstance())).isTrue();
        assertThat(InvokableConditions.holds(new InvokableCondition("kind", null, TextNode.valueOf("coffee")), entry))
                .isTrue();
    }

    @Test
    void malformedConditionsAreNamed() {
        assertThat(InvokableConditions.problem(new InvokableCondition("isApproved()", BooleanNode.TRUE, null)))
                .contains("unknown function");
        assertThat(InvokableConditions.problem(new InvokableCondition("a b", BooleanNode.TRUE, null)))
                .contains("dotted field path");
        assertThat(InvokableConditions
                .problem(new InvokableCondition("kind", TextNode.valueOf("a"), TextNode.valueOf("b"))))
                .contains("exactly one");
        assertThat(InvokableConditions.problem(new InvokableCondition("kind", TextNode.valueOf("a"), null))).isNull();
    }

    private boolean holds(String field, com.fasterxml.jackson.databind.JsonNode equalTo) {
        return InvokableConditions.holds(new InvokableCondition(field, equalTo, null), entry);
    }
}
