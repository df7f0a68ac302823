package dev.orchestrion.runner.run.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

import dev.orchestrion.support.domain.Overloaded;

/**
 * Backpressure on run requests: a tenant's share, the instance's share, and places given back however a request ends;
 * and the queue behind the requests (queued runs per tenant and in all, the outbox backlog) as last measured.
 */
class RunAdmissionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** In flight: 3 on the instance, 2 per tenant. Queued: 10 on the platform, 5 per tenant. Outbox backlog: 100. */
    private final RunAdmission admission = new RunAdmission(new RunAdmission.Limits(3, 2, 10, 5, 100), registry);
    private final List<CompletableFuture<String>> pending = new ArrayList<>();
    private int started;

    @Test
    void aTenantPastItsShareIsToldToRetryWhileOthersGoOnUntilTheInstanceIsFull() {
        UniAssertSubscriber<String> a1 = hold("acme");
        UniAssertSubscriber<String> a2 = hold("acme");
        Throwable a3 = hold("acme").awaitFailure().getFailure();
        assertThat(a3).isInstanceOf(Overloaded.class);
        assertThat(((Overloaded) a3).platformWide()).isFalse();
        assertThat(((Overloaded) a3).retryAfter()).isEqualTo(RunAdmission.RETRY_AFTER);

        UniAssertSubscriber<String> g1 = hold("globex"); // another tenant is not held back by acme's share
        Throwable full = hold("initech").awaitFailure().getFailure();
        assertThat(((Overloaded) full).platformWide()).isTrue();
        assertThat(admission.inFlight()).isEqualTo(3);
        assertThat(refused("tenant", "in-flight")).isEqualTo(1.0);
        assertThat(refused("platform", "in-flight")).isEqualTo(1.0);

        pending.get(0).complete("done");
        a1.awaitItem().assertItem("done");
        UniAssertSubscriber<String> a4 = hold("acme"); // the finished request gave its place back
        assertThat(admission.inFlight()).isEqualTo(3);

        pending.get(1).completeExceptionally(new IllegalStateException("the run failed"));
        a2.awaitFailure();
        pending.get(2).complete("done");
        g1.awaitItem();
        pending.get(3).complete("done");
        a4.awaitItem();
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void aRequestThatThrowsBeforeItStartsGivesItsPlaceBack() {
        assertThatThrownBy(() -> admission.<String>admit("acme", () -> {
            throw new IllegalArgumentException("bad order");
        }).await().indefinitely()).isInstanceOf(IllegalArgumentException.class);
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void aTenantWithTooManyRunsQueuedGets429WhileOthersAreAdmittedUntilItsQueueDrains() {
        admission.observe(new RunAdmission.Queues(Map.of("acme", 6L, "globex", 4L), 10, 0));

        Overloaded refused = refusal("acme");
        assertThat(refused.platformWide()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(RunAdmission.RETRY_AFTER);
        assertThat(refused.getMessage()).contains("acme").contains("6 runs waiting").contains("at most 5");
        assertThat(started).as("a refused request starts nothing").isZero();
        assertThat(admission.inFlight()).as("nor holds a place").isZero();
        assertThat(refused("tenant", "queued")).isEqualTo(1.0);

        assertThat(run("globex")).as("below its share").isEqualTo("started");
        assertThat(run("initech")).isEqualTo("started");

        admission.observe(new RunAdmission.Queues(Map.of("acme", 5L), 5, 0));
        assertThat(run("acme")).as("admitted again once its queue drained").isEqualTo("started");
        assertThat(started).isEqualTo(3);
    }

    @Test
    void tooManyRunsQueuedOnThePlatformGets503ForEveryTenant() {
        admission.observe(new RunAdmission.Queues(Map.of("a", 4L, "b", 4L, "c", 3L), 11, 0));

        Overloaded refused = refusal("initech");
        assertThat(refused.platformWide()).isTrue();
        assertThat(refused.retryAfter()).isEqualTo(RunAdmission.RETRY_AFTER);
        assertThat(refusal("a").platformWide()).isTrue();
        assertThat(started).isZero();
        assertThat(refused("platform", "queued")).isEqualTo(2.0);

        admission.observe(new RunAdmission.Queues(Map.of("a", 4L, "b", 4L, "c", 2L), 10, 0));
        assertThat(run("initech")).isEqualTo("started");
    }

    @Test
    void anOutboxBacklogAboveItsLimitGets503() {
        admission.observe(new RunAdmission.Queues(Map.of(), 0, 101));
        Overloaded refused = refusal("acme");
        assertThat(refused.platformWide()).isTrue();
        assertThat(refused.getMessage()).contains("not being published");
        assertThat(refused("platform", "outbox-backlog")).isEqualTo(1.0);

        admission.observe(new RunAdmission.Queues(Map.of(), 0, 100));
        assertThat(run("acme")).isEqualTo("started");
        assertThat(refused("platform", "queued")).isZero();
    }

    @Test
    void theQueuedGaugeShowsTheLastMeasurement() {
        assertThat(registry.get("orchestrion_runs_queued").gauge().value()).isZero();
        admission.observe(new RunAdmission.Queues(Map.of("acme", 7L), 7, 0));
        assertThat(registry.get("orchestrion_runs_queued").gauge().value()).isEqualTo(7.0);
        assertThat(admission.queuedOf("acme")).isEqualTo(7);
        assertThat(admission.queuedOf("globex")).isZero();
    }

    private double refused(String scope, String reason) {
        return registry.get("orchestrion_run_requests_refused_total").tag("scope", scope).tag("reason", reason)
                .counter().count();
    }

    /** A request admitted at once and finished at once. */
    private String run(String tenant) {
        return admission.admit(tenant, () -> {
            started++;
            return Uni.createFrom().item("started");
        }).await().indefinitely();
    }

    private Overloaded refusal(String tenant) {
        Throwable failure = admission.admit(tenant, () -> {
            started++;
            return Uni.createFrom().item("started");
        }).subscribe().withSubscriber(UniAssertSubscriber.create()).awaitFailure().getFailure();
        assertThat(failure).isInstanceOf(Overloaded.class);
        return (Overloaded) failure;
    }

    /** A request that stays in progress until its future (in {@link #pending}) completes. */
    private UniAssertSubscriber<String> hold(String tenant) {
        CompletableFuture<String> future = new CompletableFuture<>();
        UniAssertSubscriber<String> subscriber = admission.admit(tenant, () -> {
            pending.add(future);
            return Uni.createFrom().completionStage(future);
        }).subscribe().withSubscriber(UniAssertSubscriber.create());
        return subscriber;
    }
}
