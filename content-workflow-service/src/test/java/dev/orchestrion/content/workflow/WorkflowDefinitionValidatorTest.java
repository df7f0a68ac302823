package dev.orchestrion.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

import dev.orchestrion.content.model.workflow.EventGroup;
import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.model.workflow.InvokableCondition;
import dev.orchestrion.content.model.workflow.ParameterValidations;
import dev.orchestrion.content.model.workflow.WorkflowDefinition;
import dev.orchestrion.content.model.workflow.WorkflowEvent;
import dev.orchestrion.content.model.workflow.WorkflowStateDefinition;
import dev.orchestrion.support.domain.FieldViolation;

class WorkflowDefinitionValidatorTest {

    @Test
    void seed003sExampleIsValidAndRoundTripsWithItsPresentationFields() throws Exception {
        WorkflowDefinition definition = Seed003.definition();
        assertThat(WorkflowDefinitionValidator.problems(definition)).isEmpty();
        JsonNode sent = Seed003.JSON.readTree(Seed003.text());
        JsonNode returned = Seed003.JSON.valueToTree(definition);
        assertThat(returned).isEqualTo(sent);
        assertThat(returned.at("/states/0/events/0/parameters/0/editor/instructions/en-GB").asText())
                .startsWith("Optionally include a message");
        assertThat(returned.at("/states/1/uiEditorView").asText()).isEqualTo("previousPublishedVersionCompare");
        assertThat(returned.at("/projectId").asText()).isEqualTo("website");
    }

    @Test
    void listsEveryProblemAtOnce() {
        WorkflowDefinition bad = new WorkflowDefinition("bad id", "not-a-uuid", null, null, null,
                List.of(state("draft", event("go", "nowhere"), event("go", "review")),
                        state("review", event("back", "draft")), state("review"), state("orphan"), state("published")),
                null, null, null, null);
        List<FieldViolation> problems = WorkflowDefinitionValidator.problems(bad);
        assertThat(problems).extracting(FieldViolation::field).contains("id", "uuid", "states[2].id", "states[4].id",
                "states[0].events[0].transitionTo", "states[0].events[1].id");
        assertThat(messages(problems)).anyMatch(m -> m.contains("unknown state nowhere"))
                .anyMatch(m -> m.contains("duplicates state review"))
                .anyMatch(m -> m.contains("published is a system state"))
                .anyMatch(m -> m.contains("duplicates event go"));
    }

    @Test
    void findsUnreachableStates() {
        WorkflowDefinition definition = new WorkflowDefinition("w", null, null, null, null,
                List.of(state("draft", event("submit", "review")), state("review"), state("lost")), null, null, null,
                null);
        assertThat(WorkflowDefinitionValidator.problems(definition)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("lost is unreachable from the first state draft"));
    }

    @Test
    void needsAtLeastOneState() {
        WorkflowDefinition empty = new WorkflowDefinition("w", null, null, null, null, List.of(), null, null, null,
                null);
        assertThat(WorkflowDefinitionValidator.problems(empty)).extracting(FieldViolation::field)
                .containsExactly("states");
    }

    @Test
    void refusesUnknownGroupsFunctionsDataTypesAndBadRegexes() {
        WorkflowEvent event = new WorkflowEvent("submit", null, null, null, "draft", null, "noSuchGroup", null, null,
                List.of(new EventParameter("message", null, "text", null, null, null,
                        new ParameterValidations(null, new ParameterValidations.Length(5, null),
                                new ParameterValidations.Length(2, null), new ParameterValidations.Regex("(", null),
                                null),
                        null)),
                List.of(new InvokableCondition("isApproved()", BooleanNode.TRUE, null),
                        new InvokableCondition("title", null, null)),
                null);
        WorkflowDefinition definition = new WorkflowDefinition("w", null, null, null, null,
                List.of(state("draft", event)), List.of(new EventGroup("g", Map.of())), null, null, null);
        assertThat(WorkflowDefinitionValidator.problems(definition)).extracting(FieldViolation::field).containsExactly(
                "states[0].events[0].groupId", "states[0].events[0].invokableWhen[0]",
                "states[0].events[0].invokableWhen[1]", "states[0].events[0].parameters[0].dataType",
                "states[0].events[0].parameters[0].validations",
                "states[0].events[0].parameters[0].validations.regex.pattern");
    }

    @Test
    void transitionNamesMustIdentifyTheirFromState() {
        WorkflowDefinition definition = new WorkflowDefinition("w", null, null, null, null,
                List.of(state("a", event("toB", "b_c"), event("toAB", "a_b")), state("a_b", event("toC", "c")),
                        state("b_c", event("back", "a")), state("c", event("back", "a"))),
                null, null, null, null);
        assertThat(messages(WorkflowDefinitionValidator.problems(definition)))
                .anyMatch(m -> m.contains("both have a transition named _a_b_c"));
    }

    private static List<String> messages(List<FieldViolation> problems) {
        return new ArrayList<>(problems.stream().map(FieldViolation::message).toList());
    }

    static WorkflowStateDefinition state(String id, WorkflowEvent... events) {
        return new WorkflowStateDefinition(id, Map.of("en-GB", id), List.of(events), null, null, null);
    }

    static WorkflowEvent event(String id, String to) {
        return new WorkflowEvent(id, null, null, null, to, null, null, null, null, null, null, null);
    }
}
