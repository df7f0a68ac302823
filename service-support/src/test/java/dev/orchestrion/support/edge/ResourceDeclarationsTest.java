package dev.orchestrion.support.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/** What {@link ResourceMethods} and {@link ConsumedMediaTypes} read from resource declarations. */
class ResourceDeclarationsTest {

    record Thing(String name) {
    }

    @Path("/things")
    @Consumes(MediaType.APPLICATION_JSON)
    static class Things {

        @POST
        public void create(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull Thing thing) {
        }

        @GET
        @Path("/{id}")
        public void get(@PathParam("id") String id, @Context UriInfo uri) {
        }

        @PATCH
        @Path("/{id}")
        @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
        public void patch(@PathParam("id") String id, Thing patch) {
        }

        @POST
        @Path("/{id}/start")
        public void start(@PathParam("id") String id, @OptionalBody Thing options) {
        }

        @PUT
        @Path("/{kind: publish|unpublish}/{id}")
        public void schedule(@PathParam("kind") String kind, @PathParam("id") String id, Thing when) {
        }
    }

    @Path("/hooks/{tenant}/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    static class Hooks {

        @POST
        public void post(@PathParam("tenant") String tenant, @QueryParam("x") String x, byte[] body) {
        }
    }

    @Test
    void findsTheBodyParameterAndWhetherItIsOptional() throws Exception {
        ResourceMethods.BodyShape create = ResourceMethods.bodyShape(Things.class,
                Things.class.getMethod("create", String.class, Thing.class));
        assertThat(create.takesBody()).isTrue();
        assertThat(create.optional()).isFalse();
        assertThat(create.consumes()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(create.acceptsAnyType()).isFalse();

        ResourceMethods.BodyShape get = ResourceMethods.bodyShape(Things.class,
                Things.class.getMethod("get", String.class, UriInfo.class));
        assertThat(get.takesBody()).isFalse();

        ResourceMethods.BodyShape start = ResourceMethods.bodyShape(Things.class,
                Things.class.getMethod("start", String.class, Thing.class));
        assertThat(start.takesBody()).isTrue();
        assertThat(start.optional()).isTrue();

        ResourceMethods.BodyShape hook = ResourceMethods.bodyShape(Hooks.class,
                Hooks.class.getMethod("post", String.class, String.class, byte[].class));
        assertThat(hook.takesBody()).isTrue();
        assertThat(hook.acceptsAnyType()).isTrue();
    }

    @Test
    void namesWhatThePathAcceptsForEachMethod() {
        List<ConsumedMediaTypes.Route> routes = ConsumedMediaTypes.routesOf(List.of(Things.class, Hooks.class));
        assertThat(ConsumedMediaTypes.accepted(routes, "POST", "/things")).containsExactly("application/json");
        assertThat(ConsumedMediaTypes.accepted(routes, "POST", "/things/")).containsExactly("application/json");
        assertThat(ConsumedMediaTypes.accepted(routes, "PATCH", "/things/42"))
                .containsExactly("application/merge-patch+json", "application/json");
        assertThat(ConsumedMediaTypes.accepted(routes, "PUT", "/things/publish/42"))
                .containsExactly("application/json");
        assertThat(ConsumedMediaTypes.accepted(routes, "PUT", "/things/archive/42")).isEmpty();
        assertThat(ConsumedMediaTypes.accepted(routes, "POST", "/hooks/acme/a/b/c")).containsExactly("*/*");
        assertThat(ConsumedMediaTypes.accepted(routes, "DELETE", "/things/42")).isEmpty();
    }

    @Test
    void pathTemplatesBecomePatterns() {
        assertThat("/things/42".matches(ConsumedMediaTypes.regex("/things/{id}"))).isTrue();
        assertThat("/things/4/2".matches(ConsumedMediaTypes.regex("/things/{id}"))).isFalse();
        assertThat("/n/123".matches(ConsumedMediaTypes.regex("/n/{n: [0-9]{3}}"))).isTrue();
        assertThat("/a.b".matches(ConsumedMediaTypes.regex("/a.b"))).isTrue();
        assertThat("/axb".matches(ConsumedMediaTypes.regex("/a.b"))).isFalse();
        assertThat(ConsumedMediaTypes.normalize("things//{id}/")).isEqualTo("/things/{id}");
    }
}
