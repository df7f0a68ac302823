package dev.orchestrion.support.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * The {@link OutboundGuard} for reactive code: resolves on a worker thread and answers on the caller's Vert.x context
 * (so a Hibernate Reactive session or a request context carries on where it was).
 */
@ApplicationScoped
public class OutboundTargets {

    private final OutboundGuard guard;
    private final Vertx vertx;

    public OutboundTargets(OutboundGuard guard, Vertx vertx) {
        this.guard = guard;
        this.vertx = vertx;
    }

    /** A call target to be stored: an http(s) URL, or a bare host (SMTP), and the request field it came from. */
    public record SavedTarget(String field, String value, boolean hostOnly) {

        public static SavedTarget url(String field, String url) {
            return new SavedTarget(field, url, false);
        }

        public static SavedTarget host(String field, String host) {
            return new SavedTarget(field, host, true);
        }
    }

    /** Send time: see {@link OutboundGuard#check}; fails with {@link RefusedTarget}. */
    public Uni<OutboundGuard.Target> check(URI url) {
        return vertx.executeBlocking(() -> guard.check(url), false);
    }

    /** Send time: see {@link OutboundGuard#checkHost}; fails with {@link RefusedTarget}. */
    public Uni<InetAddress> checkHost(String host) {
        return vertx.executeBlocking(() -> guard.checkHost(host), false);
    }

    /** Save time: fails with a 400 problem naming every field whose target the guard refuses (null values pass). */
    public Uni<Void> requireAllowed(List<SavedTarget> targets) {
        return refusals(targets).invoke(errors -> {
            if (!errors.isEmpty()) {
                throw ProblemException.validation(
                        "Outbound calls to this target would be refused: "
                                + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
                        errors);
            }
        }).replaceWithVoid();
    }

    /** Save time: each target the guard refuses, as its field and why (null values pass); never fails for that. */
    public Uni<List<Problem.FieldError>> refusals(List<SavedTarget> targets) {
        List<SavedTarget> given = targets.stream().filter(t -> t.value() != null && !t.value().isBlank()).toList();
        if (given.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return vertx.executeBlocking(() -> refusalsNow(given), false);
    }

    private List<Problem.FieldError> refusalsNow(List<SavedTarget> targets) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (SavedTarget target : targets) {
            Optional<String> refusal = target.hostOnly()
                    ? guard.hostRefusalOnSave(target.value())
                    : guard.refusalOnSave(target.value());
            refusal.ifPresent(reason -> errors.add(new Problem.FieldError(target.field(), reason)));
        }
        return errors;
    }
}
