package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.code;
import static dev.orchestrion.definition.graph.validation.Graphs.found;
import static dev.orchestrion.definition.graph.validation.Graphs.node;
import static dev.orchestrion.definition.graph.validation.Graphs.value;
import static dev.orchestrion.definition.model.IncidentCode.INVALID_EXPRESSION;
import static dev.orchestrion.definition.model.IncidentCode.INVALID_PROPERTY;
import static dev.orchestrion.definition.model.IncidentCode.MISSING_PROPERTY;
import static dev.orchestrion.definition.model.IncidentCode.UNKNOWN_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.graph.NodeTypeCatalog;
import dev.orchestrion.definition.graph.PropertySpec;
import dev.orchestrion.definition.model.Node;

class PropertyFormatsTest {

    private final Incidents incidents = new Incidents();
    private final PropertyFormats formats = new PropertyFormats(new ExpressionCompiler(), Graphs.REFERENCES, incidents);

    @Test
    void aWellFormedValueIsSaidToBeSoAndFindsNothing() {
        assertThat(check("http", "url", "'https://x/{{ case.id }}'")).isTrue();
        assertThat(check("delay", "duration", "'PT5M'")).isTrue();
        assertThat(check("http", "connection", "'crm'")).isTrue();
        assertThat(check("http", "successStatus", "['2xx', 201]")).isTrue();
        assertThat(incidents.list()).isEmpty();
    }

    @Test
    void expressionsAndTemplatesMustCompile() {
        assertThat(check("if", "condition", "'params.amount >'")).isFalse();
        assertThat(check("if", "condition", "3")).isFalse();
        assertThat(check("http", "url", "'https://x/{{ case.id '")).isFalse();
        assertThat(found(incidents)).containsExactly(code(INVALID_EXPRESSION, "n", "condition"),
                code(INVALID_PROPERTY, "n", "condition"), code(INVALID_EXPRESSION, "n", "url"));
    }

    @Test
    void aConnectionMustExistAndBeOfTheKindTheNodeNeeds() {
        check("http", "connection", "'nowhere'");
        check("sendEmail", "connection", "'crm'");
        assertThat(found(incidents)).containsExactly(code(UNKNOWN_CONNECTION, "n", "connection"),
                code(UNKNOWN_CONNECTION, "n", "connection"));
        assertThat(incidents.list().get(1).message()).contains("needs one of kind smtp");
    }

    @Test
    void scalarFormats() {
        check("delay", "duration", "'PT0S'");
        check("delay", "until", "'tomorrow >'");
        check("delay", "time", "'25:00'");
        check("delay", "weekday", "'Funday'");
        check("delay", "timeZone", "'Mars/Olympus'");
        check("delay", "mode", "'sometime'");
        check("forEach", "chunkSize", "2.5");
        check("sendEmail", "html", "'yes'");
        check("waitForEvent", "signal", "1");
        assertThat(found(incidents)).containsExactly(code(INVALID_PROPERTY, "n", "duration"),
                code(INVALID_EXPRESSION, "n", "until"), code(INVALID_PROPERTY, "n", "time"),
                code(INVALID_PROPERTY, "n", "weekday"), code(INVALID_PROPERTY, "n", "timeZone"),
                code(INVALID_PROPERTY, "n", "mode"), code(INVALID_PROPERTY, "n", "chunkSize"),
                code(INVALID_PROPERTY, "n", "html"), code(INVALID_PROPERTY, "n", "signal"));
        assertThat(incidents.list().get(0).message())
                .isEqualTo("Node n: duration must be a positive ISO-8601 duration such as PT30S or P1D");
    }

    @Test
    void listItemsAndMapEntriesHaveTheirFormat() {
        check("set", "assignments", "[{'name':'a','value':'1 +'},{'name':'a','value':'2'},{'value':'3'},{'name':'b'}]");
        check("http", "successStatus", "['2xx','9xx',99]");
        check("split", "branches", "[{'name':'a','weight':-1}]");
        check("http", "headers", "{'X':'{{ nope( }}','Y':'ok'}");
        check("http", "headers", "['X']");
        assertThat(found(incidents)).containsExactly(code(INVALID_EXPRESSION, "n", "assignments[0].value"),
                code(INVALID_PROPERTY, "n", "assignments[1]"), code(INVALID_PROPERTY, "n", "assignments[2]"),
                code(MISSING_PROPERTY, "n", "assignments[3].value"), code(INVALID_PROPERTY, "n", "successStatus[1]"),
                code(INVALID_PROPERTY, "n", "successStatus[2]"), code(INVALID_PROPERTY, "n", "branches[0].weight"),
                code(INVALID_EXPRESSION, "n", "headers.X"), code(INVALID_PROPERTY, "n", "headers"));
    }

    private boolean check(String type, String property, String json) {
        Node node = node("{'id':'n','type':'" + type + "'}");
        PropertySpec spec = NodeTypeCatalog.find(type).orElseThrow().property(property).orElseThrow();
        return formats.check(node, property, spec.format(), spec, value(json));
    }
}
