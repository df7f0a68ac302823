package dev.orchestrion.runner.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.engine.call.CallRequest;

/** Every node type says from its type alone whether it is pure, calls out or waits. */
class NodeKindTest {

    private static final Map<String, NodeKind> KINDS = new LinkedHashMap<>();

    static {
        for (String pure : new String[]{"start", "set", "if", "choose", "split", "forEach", "end", "fail"}) {
            KINDS.put(pure, NodeKind.PURE);
        }
        for (String call : new String[]{"http", "sendEmail", "updateCase", "contentTransition", "subWorkflow"}) {
            KINDS.put(call, NodeKind.CALL);
        }
        KINDS.put("delay", NodeKind.WAIT);
        KINDS.put("waitForEvent", NodeKind.WAIT);
    }

    @Test
    void everyNodeTypeHasItsKind() {
        Map<String, NodeKind> declared = new LinkedHashMap<>();
        NodeExecutors.standardExecutors().forEach(executor -> declared.put(executor.type(), executor.kind()));
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(KINDS);

        NodeExecutors registry = NodeExecutors.standard();
        KINDS.forEach((type, kind) -> assertThat(registry.kindOf(type)).as(type).isEqualTo(kind));
        assertThatThrownBy(() -> registry.kindOf("teleport")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDocumentedNodeTypeHasAnExecutor() throws IOException {
        String doc = Files
                .readString(Path.of(System.getProperty("orchestrion.root", "..")).resolve("docs/node-types.md"));
        String table = doc.substring(doc.indexOf("## Node types"), doc.indexOf("\n## ", doc.indexOf("## Node types")));
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-zA-Z]+)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(KINDS.keySet());
    }

    @Test
    void aKindAllowsOnlyTheResultsItSays() {
        NodeResult call = new NodeResult.Call(Duration.ofSeconds(1), new CallRequest.CasePatch(Map.of()));
        NodeResult timer = NodeResult.Waiting.timer(Instant.EPOCH);
        NodeResult child = new NodeResult.WaitingForChild("c");
        NodeResult done = new NodeResult.Completed("next", Map.of());
        NodeResult failed = NodeResult.failed("no", "error");

        assertThat(NodeKind.PURE.allows(done)).isTrue();
        assertThat(NodeKind.PURE.allows(failed)).isTrue();
        assertThat(NodeKind.PURE.allows(new NodeResult.Ended(Map.of()))).isTrue();
        assertThat(NodeKind.PURE.allows(call)).isFalse();
        assertThat(NodeKind.PURE.allows(timer)).isFalse();
        assertThat(NodeKind.CALL.allows(call)).isTrue();
        assertThat(NodeKind.CALL.allows(failed)).isTrue();
        assertThat(NodeKind.CALL.allows(timer)).isFalse();
        assertThat(NodeKind.CALL.allows(child)).isFalse();
        assertThat(NodeKind.WAIT.allows(timer)).isTrue();
        assertThat(NodeKind.WAIT.allows(done)).isTrue();
        assertThat(NodeKind.WAIT.allows(call)).isFalse();
    }
}
