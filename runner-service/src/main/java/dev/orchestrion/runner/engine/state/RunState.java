package dev.orchestrion.runner.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The execution state of one run, checkpointed as JSON with the run: the data expressions see (params, case,
 * trigger, vars, node outputs), where execution stands (the node to run next, the forEach frames, the wait it is
 * parked in), attempt counters and signals that arrived before anyone waited for them. Mutated only by the engine,
 * by the one executor that owns the run's partition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RunState {

    public Map<String, Object> params = new LinkedHashMap<>();
    public Map<String, Object> caseData;
    public Map<String, Object> trigger = new LinkedHashMap<>();
    public Map<String, Object> vars = new LinkedHashMap<>();
    public Map<String, Object> nodes = new LinkedHashMap<>();

    /** The node the engine executes next, or null when the run is waiting or ended. */
    public String next;
    /** The innermost forEach last. */
    public List<Frame> frames = new ArrayList<>();
    /** The wait the run is parked in, or null. */
    public Wait waiting;
    /** The attempt the next execution of a node is, by node id (absent means 1). */
    public Map<String, Integer> attempts = new HashMap<>();
    /** Executions of each node so far (for idempotency keys of outbound calls). */
    public Map<String, Integer> executions = new HashMap<>();
    /** Signals that arrived while nobody waited for them, oldest first. */
    public List<Signal> signals = new ArrayList<>();
    /** Child runs that ended before the run learned their id (a very fast child), by child run id. */
    public Map<String, Map<String, Object>> endedChildren = new HashMap<>();
    /** The sequence number the next step gets in the run's timeline. */
    public int nextStep = 1;
    /** Whether execution has moved onto the start node's error path (a failure there ends the run). */
    public boolean onErrorPath;
    /** The node that failed the run, kept for retry-from-failed. */
    public Failure failure;
    /**
     * Secrets a parent run passed to this child run (its redacted parameters' values, and parameters it derived from
     * them): masked in what this run lets out like this run's own redacted parameters. Null for most runs.
     */
    public List<Object> inheritedSecrets;

    /** A forEach in progress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Frame {

        public String nodeId;
        public List<Object> items = new ArrayList<>();
        public int index;
        public List<Object> results = new ArrayList<>();

        public Frame() {
        }

        public Frame(String nodeId, List<Object> items) {
            this.nodeId = nodeId;
            this.items = items;
        }
    }

    /** What a parked run waits for; {@code id} identifies this wait so that stale or repeated resumes are ignored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Wait {

        public String id;
        public WaitKind kind;
        public String nodeId;
        public String nodeType;
        /** The step this wait belongs to. */
        public int step;
        public int attempt;
        /** When the parked step started. */
        public String startedAt;
        /** When a timer fires, or when a signal wait times out. */
        public String until;
        public String signal;
        public String childRunId;
    }

    /** Why a run is parked. */
    public enum WaitKind {
        /** A delay node. */
        TIMER,
        /** A waitForEvent node. */
        SIGNAL,
        /** A subWorkflow node waiting for its child run. */
        CHILD,
        /** An outbound call (http, sendEmail, updateCase, contentTransition) under way. */
        CALL,
        /** The backoff before the next attempt of a failed node. */
        RETRY
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Signal {

        public String name;
        public Object data;

        public Signal() {
        }

        public Signal(String name, Object data) {
            this.name = name;
            this.data = data;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Failure {

        public String nodeId;
        public String nodeType;
        public String message;
        public String code;
        public int attempts;
    }
}
