package dev.orchestrion.support.problem;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/** Writes a problem response straight on the HTTP layer, for answers given before Quarkus REST sees a request. */
@Singleton
public class RoutingProblems {

    private final ObjectMapper json;

    public RoutingProblems(ObjectMapper json) {
        this.json = json;
    }

    public void write(RoutingContext ctx, String type, int status, String title, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new Problem(type, title, status, detail, ctx.request().path(), List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
