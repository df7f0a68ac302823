package dev.orchestrion.definition.graph.validation;

import static dev.orchestrion.definition.graph.validation.Graphs.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.orchestrion.definition.graph.ExpressionCompiler;
import dev.orchestrion.definition.model.Incident;
import dev.orchestrion.definition.model.Trigger;

class TriggerRulesTest {

    @Test
    void wellFormedTriggersOfEachKind() {
        assertThat(check("{'kind':'api'}")).isEmpty();
        assertThat(check("{}")).isEmpty();
        assertThat(check("{'kind':'event','eventType':'cart.abandoned','filter':'trigger.data.total > 10'}")).isEmpty();
        assertThat(check("{'kind':'schedule','cron':'0 9 * * MON-FRI','timeZone':'Europe/Stockholm',"
                + "'window':{'from':'08:00','to':'18:00','days':['MONDAY']},'missedFirings':'skip'}")).isEmpty();
        assertThat(check("{'kind':'http','method':'POST','path':'orders/{orderId}','respondWith':'result',"
                + "'responseTimeout':'PT10S'}")).isEmpty();
    }

    @Test
    void whatEachKindNeeds() {
        assertThat(check("{'kind':'event','filter':'a >'}")).containsExactly("trigger.eventType", "trigger.filter");
        assertThat(check("{'kind':'schedule'}")).containsExactly("trigger.cron");
        assertThat(check("{'kind':'schedule','cron':'61 * * * *','interval':'PT1M'}")).containsExactly("trigger.cron",
                "trigger.cron");
        assertThat(check("{'kind':'schedule','interval':'PT0S','timeZone':'Mars/Olympus','window':{'from':'8:00',"
                + "'days':['Mon']},'missedFirings':'twice'}")).containsExactly("trigger.interval", "trigger.timeZone",
                        "trigger.window.from", "trigger.window.to", "trigger.window.days", "trigger.missedFirings");
        assertThat(
                check("{'kind':'http','method':'FETCH','path':'/orders','respondWith':'later','responseTimeout':'x'}"))
                .containsExactly("trigger.method", "trigger.path", "trigger.respondWith", "trigger.responseTimeout");
        assertThat(check("{'kind':'warp'}")).containsExactly("trigger.kind");
    }

    private static List<String> check(String json) {
        Incidents incidents = new Incidents();
        try {
            new TriggerRules(new ExpressionCompiler(), incidents)
                    .check(JSON.readValue(json.replace('\'', '"'), Trigger.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return incidents.list().stream().map(Incident::property).toList();
    }
}
