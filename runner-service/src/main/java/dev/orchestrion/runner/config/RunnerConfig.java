package dev.orchestrion.runner.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** runner-service settings ({@code orchestrion.runner.*}). */
@ConfigMapping(prefix = "orchestrion.runner")
public interface RunnerConfig {

    /** The longest a client may long-poll {@code GET /workflows/{id}?wait=}. */
    @WithDefault("PT60S")
    Duration maxLongPoll();

    /** How often due timers are looked for. */
    @WithDefault("PT0.2S")
    Duration timerPollInterval();

    /** PENDING runs older than this get their StartRun sent again. */
    @WithDefault("PT10S")
    Duration pendingRunGrace();

    /** Outbox rows older than this are published by the sweep (normally they are gone within milliseconds). */
    @WithDefault("PT3S")
    Duration outboxSweepAge();

    Budgets budgets();

    Eager eager();

    Admission admission();

    Events events();

    Cache cache();

    /**
     * How long the request path's caches keep an entry at most. A change's notice on {@code orchestrion_cache} evicts
     * it on every instance at once; these bound the delay only while an instance's listener is disconnected.
     */
    interface Cache {

        @WithDefault("PT5S")
        Duration apiKeysKept();

        @WithDefault("PT2S")
        Duration bindingsKept();
    }

    /** How a run's events travel on {@code workflow.run-events} (docs/architecture.md, "The lean event stream"). */
    interface Events {

        /**
         * On: every run publishes one event per node transition, as a definition's {@code nodeEvents: true} asks for
         * its own runs. Off (the default): the node transitions of one stretch travel in one progressed record.
         */
        @WithDefault("false")
        boolean perNode();
    }

    /** Backpressure on run requests (docs/operations.md, "Backpressure"). */
    interface Admission {

        /** Run requests one instance handles at once; past it, 503 with Retry-After. */
        @WithDefault("512")
        int maxInFlight();

        /** Run requests of one tenant one instance handles at once; past it, 429 with Retry-After. */
        @WithDefault("256")
        int maxInFlightPerTenant();

        /**
         * Runs stored but not yet executed (PENDING, their StartRun dead-lettered excepted) on the whole platform;
         * above it, run requests get 503 with Retry-After. 2,000 is about 5 s of work at the queued path's 400 runs/s,
         * so a platform that stops being offered too much is back within seconds; the benchmark's closed loops wait
         * for each run's completion and keep at most one run queued per client (16 or 64, a few hundred at worst
         * while executors rebalance), far below it.
         */
        @WithDefault("2000")
        long maxQueued();

        /**
         * A tenant's queued runs; above it, that tenant's run requests get 429 with Retry-After. Half of
         * {@link #maxQueued()}, so no one tenant can fill the queue for the others, and still far above what a
         * saturating benchmark (one tenant, at most 64 runs queued) keeps waiting.
         */
        @WithDefault("1000")
        long maxQueuedPerTenant();

        /**
         * Rows of the runner's outbox not yet published (the {@code orchestrion_outbox_backlog} gauge, measured at
         * each relay sweep); above it, run requests get 503 with Retry-After. Normally a few dozen rows at most (each
         * is deleted in a batch right after Kafka acknowledged it); 10,000 is over 10 s of the eager path at full
         * speed with Kafka not acknowledging: an outage, not a burst.
         */
        @WithDefault("10000")
        long maxOutboxBacklog();

        /** How often the queued runs are counted for the limits above (one indexed query per instance). */
        @WithDefault("PT0.5S")
        Duration queueRefreshInterval();
    }

    /**
     * Eager execution: the instance that receives {@code POST /workflows/run} or an HTTP binding's call executes the
     * run's first stretch and commits it before answering (docs/architecture.md, "The eager start").
     */
    interface Eager {

        /** Off: every run goes through {@code workflow.run-commands} (a definition can also opt out: {@code eager}). */
        @WithDefault("true")
        boolean enabled();

        /** The stretch yields after this many nodes; the run continues through a command. */
        @WithDefault("100")
        int maxNodes();

        /** The stretch yields once it has executed this long; the run continues through a command. */
        @WithDefault("PT0.05S")
        Duration maxTime();
    }

    /** How much data one run may hold and show (docs/operations.md, "Run budgets"). */
    interface Budgets {

        /**
         * The largest one value a node stores may be as JSON: a set assignment, a node's output, a run's result. A
         * value travels in one Kafka record (a call's answer, a run's result), so it stays well below their limit.
         */
        @WithDefault("512K")
        MemorySize maxValueSize();

        /** The largest a run's whole state (parameters, case, trigger, variables, node outputs) may be as JSON. */
        @WithDefault("10M")
        MemorySize maxStateSize();

        /** {@code GET /workflows/{id}/steps} shows a step's inputs, outputs or one of their values up to this size. */
        @WithDefault("16K")
        MemorySize stepValueShown();
    }
}
