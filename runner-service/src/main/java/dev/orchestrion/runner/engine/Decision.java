package dev.orchestrion.runner.engine;

import java.time.Duration;

/** What happens after a node: the outcome of the pure decide step. */
public sealed interface Decision {

    /** Execute this node next. */
    record Execute(String nodeId) implements Decision {
    }

    /** Nothing follows: the run completes (without a result mapping). */
    record Finish() implements Decision {
    }

    /** Try the failed node again after a backoff. */
    record Retry(Duration after) implements Decision {
    }

    /** The failure moves execution onto the start node's error path. */
    record TakeErrorPath(String nodeId) implements Decision {
    }

    /** The failure ends the run. */
    record Fail() implements Decision {
    }
}
