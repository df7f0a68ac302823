package dev.orchestrion.runner.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.expression.ExpressionException;
import dev.orchestrion.runner.engine.state.BudgetExceededException;
import dev.orchestrion.runner.engine.state.Budgets;
import dev.orchestrion.runner.engine.state.StateBudget;
import dev.orchestrion.runner.model.RunState;

/**
 * The pure executors (start, set, if, choose, split, forEach, end, fail), each on its own: what it answers and what
 * it asks the engine to change, for a run state the test sets up. They never write the state themselves.
 */
class PureExecutorsTest {

    @Nested
    class StartNode {

        @Test
        void continuesAtNextWithNoOutputData() {
            NodeFixture f = NodeFixture.nodes("{\"id\":\"s2\",\"type\":\"start\"}", Map.of());
            assertThat(f.execute("start")).isEqualTo(new NodeResult.Completed("next", Map.of()));
            assertThat(f.inputs()).isEmpty();
        }
    }

    @Nested
    class SetNode {

        @Test
        void assignsInOrderEachSeeingTheOneBeforeAndLeavesTheStateToTheEngine() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"calc","type":"set","properties":{"assignments":[
                      {"name":"a","value":"params.n * 2"},{"name":"b","value":"vars.a + 1"}]}}
                    """, Map.of("n", 20L));
            NodeResult result = f.execute("calc");

            Map<String, Object> assigned = Map.of("a", 40L, "b", 41L);
            assertThat(result)
                    .isEqualTo(new NodeResult.Completed("next", assigned, new StateChange.VarsAssigned(assigned)));
            assertThat(f.inputs()).containsEntry("assignments", assigned);
            assertThat(f.state.vars()).isEmpty();

            f.apply("calc", result);
            assertThat(f.state.vars()).isEqualTo(assigned);
        }

        @Test
        void aValueLargerThanTheBudgetIsRefusedBeforeItIsStored() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"big","type":"set","properties":{"assignments":[{"name":"v","value":"params.s + params.s"}]}}
                    """, Map.of("s", "x".repeat(600)));
            f.budgets = new Budgets(1_000, 100_000);
            assertThatThrownBy(() -> f.execute("big")).isInstanceOf(BudgetExceededException.class)
                    .hasMessageContaining("Assignment v of node big")
                    .satisfies(e -> assertThat(((BudgetExceededException) e).code())
                            .isEqualTo(StateBudget.VALUE_TOO_LARGE));
            assertThat(f.state.vars()).isEmpty();
        }
    }

    @Nested
    class IfNode {

        @Test
        void takesTheOutputItsConditionSays() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"big","type":"if","properties":{"condition":"params.amount > 100.0"}}
                    """, Map.of("amount", 150.0));
            assertThat(f.execute("big")).isEqualTo(new NodeResult.Completed("true", Map.of("result", true)));
            f.state = RunState.initial(Map.of("amount", 1.0), null, Map.of(), null);
            assertThat(f.execute("big")).isEqualTo(new NodeResult.Completed("false", Map.of("result", false)));
        }

        @Test
        void aConditionThatIsNotABooleanIsAnExpressionError() {
            NodeFixture f = NodeFixture.nodes("{\"id\":\"big\",\"type\":\"if\",\"properties\":{\"condition\":\"1\"}}",
                    Map.of());
            assertThatThrownBy(() -> f.execute("big")).isInstanceOf(ExpressionException.class)
                    .hasMessageContaining("must be true or false");
        }

        @Test
        void aDataConnectorFeedsItsConditionFromAnotherNodesOutput() {
            NodeFixture f = NodeFixture.definition("""
                    {"nodes":[{"id":"start","type":"start"},{"id":"check","type":"set"},
                      {"id":"ok","type":"if","properties":{"condition":"false"}}],
                     "dataConnectors":[{"from":"check","path":"/answer/ok","to":"ok","property":"condition"}]}
                    """, Map.of());
            f.state.nodeCompleted("check", Map.of("answer", Map.of("ok", true)));
            assertThat(f.execute("ok")).isEqualTo(new NodeResult.Completed("true", Map.of("result", true)));
            assertThat(f.inputs()).containsEntry("condition", true);
        }
    }

    @Nested
    class ChooseNode {

        @Test
        void takesTheFirstCaseThatHoldsElseDefault() {
            String node = """
                    {"id":"tier","type":"choose","properties":{"cases":[
                      {"name":"gold","condition":"params.points > 100"},{"name":"silver","condition":"params.points > 10"}]}}
                    """;
            assertThat(NodeFixture.nodes(node, Map.of("points", 500L)).execute("tier"))
                    .isEqualTo(new NodeResult.Completed("gold", Map.of("case", "gold")));
            assertThat(NodeFixture.nodes(node, Map.of("points", 50L)).execute("tier"))
                    .isEqualTo(new NodeResult.Completed("silver", Map.of("case", "silver")));
            NodeFixture none = NodeFixture.nodes(node, Map.of("points", 5L));
            assertThat(none.execute("tier")).isEqualTo(new NodeResult.Completed("default", Map.of("case", "default")));
            assertThat(none.inputs()).containsEntry("case", "default");
        }
    }

    @Nested
    class SplitNode {

        @Test
        void aWeightedSplitNeverTakesABranchOfWeightZero() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"ab","type":"split","properties":{"mode":"weighted","branches":[
                      {"name":"a","weight":0},{"name":"b","weight":3}]}}
                    """, Map.of());
            for (int i = 0; i < 50; i++) {
                assertThat(f.execute("ab")).isEqualTo(new NodeResult.Completed("b", Map.of("branch", "b")));
            }
        }

        @Test
        void aRandomSplitTakesEveryBranchSometimes() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"ab","type":"split","properties":{"branches":[{"name":"a"},{"name":"b"}]}}
                    """, Map.of());
            Set<String> taken = new HashSet<>();
            // the chance that 200 fair picks all fall on one side is 2^-199
            for (int i = 0; i < 200; i++) {
                taken.add(((NodeResult.Completed) f.execute("ab")).output());
            }
            assertThat(taken).containsExactlyInAnyOrder("a", "b");
        }

        @Test
        void aSplitWithNoWeightFails() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"ab","type":"split","properties":{"mode":"weighted","branches":[{"name":"a","weight":0}]}}
                    """, Map.of());
            assertThat(f.execute("ab"))
                    .isEqualTo(new NodeResult.Failed("Split node ab has no branch with a weight", "error", null));
        }
    }

    @Nested
    class ForEachNode {

        private static final String LOOP = """
                {"id":"loop","type":"forEach","properties":{"items":"params.items","collect":"item * 10"}}
                """;

        @Test
        void enteredAfreshItOpensALoopOverTheItems() {
            NodeFixture f = NodeFixture.nodes(LOOP, Map.of("items", List.of(1L, 2L)));
            NodeResult result = f.execute("loop");
            assertThat(result).isEqualTo(new NodeResult.Completed("item", Map.of("count", 2, "results", List.of()),
                    new StateChange.LoopOpened("loop", List.of(1L, 2L))));
            assertThat(f.state.frames()).isEmpty();
        }

        @Test
        void anEmptyListFinishesAtOnceWithoutALoop() {
            NodeFixture f = NodeFixture.nodes(LOOP, Map.of("items", List.of()));
            assertThat(f.execute("loop"))
                    .isEqualTo(new NodeResult.Completed("finished", Map.of("count", 0, "results", List.of())));
        }

        @Test
        void itemsThatAreNotAListFailTheNode() {
            NodeFixture f = NodeFixture.nodes(LOOP, Map.of("items", "nope"));
            assertThat(f.execute("loop")).isEqualTo(
                    new NodeResult.Failed("The items of forEach loop must be a list, was String", "expression", null));
        }

        @Test
        void chunksGroupTheItems() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"loop","type":"forEach","properties":{"items":"params.items","chunkSize":2}}
                    """, Map.of("items", List.of(1L, 2L, 3L)));
            assertThat(((NodeResult.Completed) f.execute("loop")).change())
                    .isEqualTo(new StateChange.LoopOpened("loop", List.of(List.of(1L, 2L), List.of(3L))));
        }

        @Test
        void enteredAgainItCollectsTheItemAndMovesOnThenFinishesWithTheResults() {
            NodeFixture f = NodeFixture.nodes(LOOP, Map.of("items", List.of(1L, 2L)));
            f.apply("loop", f.execute("loop"));

            NodeResult second = f.execute("loop");
            assertThat(second).isEqualTo(new NodeResult.Completed("item", Map.of("count", 2, "results", List.of()),
                    new StateChange.LoopAdvanced("loop", true, 10L)));
            f.apply("loop", second);
            assertThat(f.state.frames()).singleElement().satisfies(frame -> assertThat(frame.item()).isEqualTo(2L));

            NodeResult last = f.execute("loop");
            assertThat(last).isEqualTo(new NodeResult.Completed("finished",
                    Map.of("count", 2, "results", List.of(10L, 20L)), new StateChange.LoopAdvanced("loop", true, 20L)));
            f.apply("loop", last);
            assertThat(f.state.frames()).isEmpty();
        }

        @Test
        void enteredAgainFromInsideANestedLoopItCollectsItsOwnItem() {
            NodeFixture f = NodeFixture.nodes(LOOP, Map.of("items", List.of(1L, 2L)));
            f.apply("loop", f.execute("loop"));
            // an inner loop's item branch jumped back to the outer loop before the inner one finished
            f.state.loopOpened("inner", List.of(7L, 8L));

            assertThat(((NodeResult.Completed) f.execute("loop")).change())
                    .isEqualTo(new StateChange.LoopAdvanced("loop", true, 10L));
        }

        @Test
        void aCollectedValueLargerThanTheBudgetIsRefused() {
            NodeFixture f = NodeFixture.nodes("""
                    {"id":"loop","type":"forEach","properties":{"items":"params.items","collect":"params.big"}}
                    """, Map.of("items", List.of(1L), "big", "x".repeat(2_000)));
            f.apply("loop", f.execute("loop"));
            f.budgets = new Budgets(1_000, 100_000);
            assertThatThrownBy(() -> f.execute("loop")).isInstanceOf(BudgetExceededException.class)
                    .hasMessageContaining("The collected value of forEach loop");
        }
    }

    @Nested
    class EndNode {

        @Test
        void endsTheRunWithItsResultMapping() {
            NodeFixture f = NodeFixture.nodes(
                    """
                            {"id":"done","type":"end","properties":{"result":{"doubled":"params.n * 2","fixed":42,"label":"'ok'"}}}
                            """,
                    Map.of("n", 4L));
            assertThat(f.execute("done"))
                    .isEqualTo(new NodeResult.Ended(Map.of("doubled", 8L, "fixed", 42, "label", "ok")));
        }

        @Test
        void withoutAMappingTheResultIsEmpty() {
            NodeFixture f = NodeFixture.nodes("{\"id\":\"done\",\"type\":\"end\"}", Map.of());
            assertThat(f.execute("done")).isEqualTo(new NodeResult.Ended(Map.of()));
        }
    }

    @Nested
    class FailNode {

        @Test
        void failsTheRunWithItsRenderedMessageAndCode() {
            NodeFixture f = NodeFixture.nodes(
                    """
                            {"id":"stop","type":"fail","properties":{"message":"Customer {{ params.name }} is blocked","code":"BLOCKED"}}
                            """,
                    Map.of("name", "Ada"));
            assertThat(f.execute("stop")).isEqualTo(new NodeResult.RunFailed("Customer Ada is blocked", "BLOCKED"));
            assertThat(f.inputs()).containsEntry("message", "Customer Ada is blocked");
        }

        @Test
        void aBlankMessageSaysTheWorkflowFailed() {
            NodeFixture f = NodeFixture.nodes("{\"id\":\"stop\",\"type\":\"fail\"}", Map.of());
            assertThat(f.execute("stop")).isEqualTo(new NodeResult.RunFailed("The workflow failed", null));
        }
    }

    @Test
    void everyPureTypeIsCovered() {
        Set<String> pure = new HashSet<>();
        NodeExecutors.standardExecutors().stream().filter(e -> e.kind() == NodeKind.PURE)
                .forEach(e -> pure.add(e.type()));
        assertThat(pure).isEqualTo(Set.of("start", "set", "if", "choose", "split", "forEach", "end", "fail"));
    }
}
