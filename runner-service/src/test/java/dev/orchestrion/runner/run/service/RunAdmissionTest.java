package dev.orchestrion.runner.run.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

import dev.orchestrion.support.domain.Overloaded;

/** Backpressure on run requests: a tenant's share, the instance's share, and places given back however a request ends. */
class RunAdmissionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RunAdmission admission = new RunAdmission(3, 2, registry);
    private final List<CompletableFuture<String>> pending = new ArrayList<>();

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
        assertThat(registry.get("orchestrion_run_requests_refused_total").tag("scope", "tenant").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("orchestrion_run_requests_refused_total").tag("scope", "platform").counter().count())
                .isEqualTo(1.0);

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
