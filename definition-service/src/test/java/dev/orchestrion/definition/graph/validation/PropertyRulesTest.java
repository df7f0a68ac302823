package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.code;
import static dev.orchestrion.definition.graph.validation.Graphs.definition;
import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.model.IncidentCode.INVALID_PROPERTY;
import static dev.orchestrion.definition.model.IncidentCode.MISSING_PROPERTY;
import static dev.orchestrion.definition.model.IncidentCode.UNKNOWN_DEFINITION;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.graph.ExpressionCompiler;

class PropertyRulesTest {

    private final Incidents incidents = new Incidents();
    private final PropertyRules rules = new PropertyRules(
            new PropertyFormats(new ExpressionCompiler(), Graphs.REFERENCES, incidents), Graphs.REFERENCES, incidents);

    @Test
    void aRequiredPropertyIsSetUnlessADataConnectorFeedsIt() {
        rules.check(new DefinitionGraph(definition("""
                [{'id':'start','type':'start'},{'id':'check','type':'if'},{'id':'fed','type':'if'},
                 {'id':'blank','type':'fail','properties':{'message':' '}}]""", "[]",
                "[{'from':'start','path':'/message','to':'fed','property':'condition'}]")));
        assertThat(found(incidents)).containsExactly(code(MISSING_PROPERTY, "check", "condition"),
                code(MISSING_PROPERTY, "blank", "message"));
        assertThat(incidents.list().get(0).message()).isEqualTo("Node check (if) needs property condition");
    }

    @Test
    void aNodeTypesOwnRulesSeeOnlyWellFormedValuesThenTheWholeNode() {
        rules.check(new DefinitionGraph(definition(
                """
                        [{'id':'sub','type':'subWorkflow','properties':{'definitionId':7}},
                         {'id':'known','type':'subWorkflow','properties':{'definitionId':'3b2d8a4f-579f-4e2e-a51c-f859e532fe8c'}},
                         {'id':'gone','type':'subWorkflow','properties':{'definitionId':'4c2d8a4f-579f-4e2e-a51c-f859e532fe8c'}},
                         {'id':'wait','type':'delay','properties':{'mode':'duration','timeZone':'Mars/Olympus'}}]""",
                "[]", "[]")));
        assertThat(found(incidents)).containsExactly(code(INVALID_PROPERTY, "sub", "definitionId"),
                code(UNKNOWN_DEFINITION, "gone", "definitionId"), code(INVALID_PROPERTY, "wait", "timeZone"),
                code(MISSING_PROPERTY, "wait", "duration"));
        assertThat(incidents.list().get(0).message()).endsWith("must be a string");
    }

    @Test
    void retryAndTimeoutSettingsOfEveryNode() {
        rules.check(new DefinitionGraph(definition("""
                [{'id':'n','type':'end','retry':{'maxAttempts':0,'initialInterval':'soon','maxInterval':'PT0S',
                  'multiplier':0.5,'jitter':1.5,'retryOn':['5xx','sometimes']},'timeout':'forever'},
                 {'id':'ok','type':'end','retry':{'maxAttempts':3,'initialInterval':'PT1S','retryOn':['any']},
                  'timeout':'PT1M'}]""", "[]", "[]")));
        assertThat(found(incidents)).containsExactly(code(INVALID_PROPERTY, "n", "retry.maxAttempts"),
                code(INVALID_PROPERTY, "n", "retry.initialInterval"), code(INVALID_PROPERTY, "n", "retry.maxInterval"),
                code(INVALID_PROPERTY, "n", "retry.multiplier"), code(INVALID_PROPERTY, "n", "retry.jitter"),
                code(INVALID_PROPERTY, "n", "retry.retryOn"), code(INVALID_PROPERTY, "n", "timeout"));
    }

    @Test
    void theNodeTypesWithRulesOfTheirOwn() {
        assertThat(PropertyRules.rulesOf("delay")).isInstanceOf(DelayRules.class);
        assertThat(PropertyRules.rulesOf("split")).isInstanceOf(SplitRules.class);
        assertThat(PropertyRules.rulesOf("choose")).isInstanceOf(ChooseRules.class);
        assertThat(PropertyRules.rulesOf("forEach")).isInstanceOf(ForEachRules.class);
        assertThat(PropertyRules.rulesOf("subWorkflow")).isInstanceOf(SubWorkflowRules.class);
        assertThat(PropertyRules.rulesOf("contentTransition")).isInstanceOf(ContentTransitionRules.class);
        assertThat(PropertyRules.rulesOf("http")).isSameAs(NodeTypeRules.NONE);
    }
}
