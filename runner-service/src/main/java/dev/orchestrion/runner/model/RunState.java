package dev.orchestrion.runner.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The execution state of one run, checkpointed as JSON with the run: the data expressions see (params, case,
 * trigger, vars, node outputs), where execution stands (the node to run next, the forEach frames, the wait it is
 * parked in), attempt counters and signals that arrived before anyone waited for them.
 * <p>
 * Its methods say what happened (a step started, a node completed, the run parked, a loop advanced) and are the only
 * writers, like Zeebe's event appliers or Temporal's mutable-state {@code AddXxxEvent} methods; only the engine
 * calls them, from the one executor that owns the run's partition. Readers get unmodifiable views. The JSON is the
 * private fields as they are named here (runs in flight across an upgrade read it back), not the accessors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class RunState {

    private Map<String, Object> params = new LinkedHashMap<>();
    private Map<String, Object> caseData;
    private Map<String, Object> trigger = new LinkedHashMap<>();
    private Map<String, Object> vars = new LinkedHashMap<>();
    private Map<String, Object> nodes = new LinkedHashMap<>();

    /** The node the engine executes next, or null when the run is waiting or ended. */
    private String next;
    /** The innermost forEach last. */
    private List<Frame> frames = new ArrayList<>();
    /** The wait the run is parked in, or null. */
    private Wait waiting;
    /** The attempt the next execution of a node is, by node id (absent means 1). */
    private Map<String, Integer> attempts = new HashMap<>();
    /** Executions of each node so far (for idempotency keys of outbound calls). */
    private Map<String, Integer> executions = new HashMap<>();
    /** Signals that arrived while nobody waited for them, oldest first. */
    private List<Signal> signals = new ArrayList<>();
    /** Child runs that ended before the run learned their id (a very fast child): {status, result, error} by id. */
    private Map<String, Map<String, Object>> endedChildren = new HashMap<>();
    /** The sequence number the next step gets in the run's timeline. */
    private int nextStep = 1;
    /** Whether execution has moved onto the start node's error path (a failure there ends the run). */
    private boolean onErrorPath;
    /** The node that failed the run, kept for retry-from-failed. */
    private Failure failure;
    /**
     * Secrets a parent run passed to this child run (its redacted parameters' values, and parameters it derived from
     * them): masked in what this run lets out like this run's own redacted parameters. Null for most runs.
     */
    private List<Object> inheritedSecrets;

    public RunState() {
    }

    /** The state of a new run: its parameters, its case's fields (or null), what started it, inherited secrets. */
    public static RunState initial(Map<String, Object> params, Map<String, Object> caseData,
            Map<String, Object> trigger, List<Object> inheritedSecrets) {
        RunState state = new RunState();
        state.params.putAll(params);
        state.caseData = caseData;
        state.trigger = trigger == null ? new LinkedHashMap<>() : new LinkedHashMap<>(trigger);
        state.inheritedSecrets = inheritedSecrets;
        return state;
    }

    // ---- what expressions and executors read

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /** The case's fields as the run started, or null when the run has no case data. */
    public Map<String, Object> caseData() {
        return caseData == null ? null : Collections.unmodifiableMap(caseData);
    }

    public Map<String, Object> trigger() {
        return Collections.unmodifiableMap(trigger);
    }

    public Map<String, Object> vars() {
        return Collections.unmodifiableMap(vars);
    }

    /** Each executed node's output data by node id. */
    public Map<String, Object> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    /** The open forEach loops, the innermost last. */
    public List<Frame> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** The innermost open forEach loop, or null. */
    public Frame innermostFrame() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** Signals kept for a waitForEvent that has not come yet, oldest first. */
    public List<Signal> signals() {
        return Collections.unmodifiableList(signals);
    }

    /** Outcomes of child runs that ended before the run knew them, by child run id. */
    public Map<String, Map<String, Object>> endedChildren() {
        return Collections.unmodifiableMap(endedChildren);
    }

    public List<Object> inheritedSecrets() {
        return inheritedSecrets == null ? null : Collections.unmodifiableList(inheritedSecrets);
    }

    public String next() {
        return next;
    }

    public Wait waiting() {
        return waiting;
    }

    /** The attempt the next execution of {@code nodeId} is. */
    public int attempt(String nodeId) {
        return attempts.getOrDefault(nodeId, 1);
    }

    public boolean onErrorPath() {
        return onErrorPath;
    }

    public Failure failure() {
        return failure;
    }

    // ---- what happens to a run (the only writers)

    /** The run starts: execution begins at the start node. */
    public void begin(String startNodeId) {
        next = startNodeId;
    }

    /** Execution goes on at {@code nodeId}. */
    public void goTo(String nodeId) {
        next = nodeId;
    }

    /** A node starts executing: its step number, attempt and execution count (for idempotency keys). */
    public StepStarted stepStarted(String nodeId) {
        int attempt = attempt(nodeId);
        int step = nextStep++;
        int execution = executions.merge(nodeId, 1, Integer::sum);
        return new StepStarted(step, attempt, execution);
    }

    /** What {@link #stepStarted} answers. */
    public record StepStarted(int step, int attempt, int execution) {
    }

    /** A node completed with output {@code data}: it is {@code nodes.<id>} from now on and its attempts start over. */
    public void nodeCompleted(String nodeId, Map<String, Object> data) {
        nodes.put(nodeId, data);
        attempts.remove(nodeId);
    }

    /** An end node ended the run with {@code result}, which its own nodes see as {@code nodes.<id>}. */
    public void nodeEnded(String nodeId, Map<String, Object> result) {
        nodes.put(nodeId, result);
    }

    /** A set node assigned variables. */
    public void varsAssigned(Map<String, Object> assigned) {
        vars.putAll(assigned);
    }

    /** A forEach began looping over {@code items} (not empty). */
    public void loopOpened(String nodeId, List<Object> items) {
        frames.add(new Frame(nodeId, items));
    }

    /**
     * An item branch of forEach {@code nodeId} ended: loops opened inside it are left, {@code collected} (when the
     * forEach collects) joins the results and the loop moves to its next element, or closes after the last.
     */
    public void loopAdvanced(String nodeId, boolean collects, Object collected) {
        int open = indexOfFrame(nodeId);
        if (open < 0) {
            throw new IllegalStateException("No open forEach " + nodeId);
        }
        while (frames.size() > open + 1) {
            frames.remove(frames.size() - 1);
        }
        Frame frame = frames.get(open);
        if (collects) {
            frame.results.add(collected);
        }
        frame.index++;
        if (frame.index >= frame.items.size()) {
            frames.remove(open);
        }
    }

    /** The open forEach {@code nodeId} (the innermost one if it is open twice), or null. */
    public Frame frame(String nodeId) {
        int index = indexOfFrame(nodeId);
        return index < 0 ? null : frames.get(index);
    }

    /** The position of forEach {@code nodeId} among the open loops (0 the outermost), or -1. */
    public int indexOfFrame(String nodeId) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).nodeId.equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }

    /** A signal arrived that nobody waits for yet: it is kept for a later waitForEvent. */
    public void signalKept(String name, Object data) {
        signals.add(new Signal(name, data));
    }

    /** A waitForEvent took the oldest kept signal named {@code name}. */
    public void signalTaken(String name) {
        Iterator<Signal> kept = signals.iterator();
        while (kept.hasNext()) {
            if (Objects.equals(kept.next().name(), name)) {
                kept.remove();
                return;
            }
        }
    }

    /** A child run ended before this run learned its id: its outcome is kept until the run does. */
    public void childEndedEarly(String childRunId, Map<String, Object> outcome) {
        endedChildren.put(childRunId, outcome);
    }

    /** The kept outcome of child run {@code childRunId}, taken out of the state; null when there is none. */
    public Map<String, Object> takeEndedChild(String childRunId) {
        return endedChildren.remove(childRunId);
    }

    /** The run parks in {@code wait}: nothing executes until it ends. */
    public void parked(Wait wait) {
        waiting = wait;
        next = null;
    }

    /** The attempt of {@code nodeId} failed and will be tried again once {@code backoff} (a RETRY wait) ends. */
    public void retryScheduled(String nodeId, int failedAttempt, Wait backoff) {
        attempts.put(nodeId, failedAttempt + 1);
        parked(backoff);
    }

    /** The wait the run was parked in ended; answers it (null when it was not parked). */
    public Wait waitEnded() {
        Wait ended = waiting;
        waiting = null;
        return ended;
    }

    /**
     * Node {@code failedNodeId} failed for good and execution moves onto the start node's error path at
     * {@code errorPathNodeId}; {@code cause} becomes {@code nodes.<start>} for it to read.
     */
    public void errorPathTaken(String failedNodeId, String startNodeId, Map<String, Object> cause,
            String errorPathNodeId) {
        onErrorPath = true;
        attempts.remove(failedNodeId);
        nodes.put(startNodeId, cause);
        next = errorPathNodeId;
    }

    /** The run completed: nothing follows and no loop is open any more. */
    public void completed() {
        next = null;
        frames.clear();
    }

    /** The run failed; {@code failedNode} (null when no node failed it) is kept for a retry from there. */
    public void failed(Failure failedNode) {
        if (failedNode != null) {
            failure = failedNode;
        }
        next = null;
    }

    /** The run was cancelled. */
    public void cancelled() {
        next = null;
    }

    /** A FAILED run is retried from the node that failed it, with fresh attempts; answers that node. */
    public String retriedFromFailure() {
        String nodeId = failure.nodeId();
        failure = null;
        attempts.remove(nodeId);
        onErrorPath = false;
        next = nodeId;
        return nodeId;
    }

    /** A forEach in progress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
    public static final class Frame {

        private String nodeId;
        private List<Object> items = new ArrayList<>();
        private int index;
        private List<Object> results = new ArrayList<>();

        private Frame() {
        }

        private Frame(String nodeId, List<Object> items) {
            this.nodeId = nodeId;
            this.items = items;
        }

        public String nodeId() {
            return nodeId;
        }

        public List<Object> items() {
            return Collections.unmodifiableList(items);
        }

        /** The position of the current element. */
        public int index() {
            return index;
        }

        /** The current element, or null past the last. */
        public Object item() {
            return index < items.size() ? items.get(index) : null;
        }

        /** The values collected so far, one per ended item branch. */
        public List<Object> results() {
            return Collections.unmodifiableList(results);
        }
    }

    /**
     * What a parked run waits for; {@code id} identifies this wait so that stale or repeated resumes are ignored.
     * {@code step} is the step the wait belongs to, {@code startedAt} when it started, {@code until} when a timer
     * fires (or a signal wait times out, or a call's attempt ends).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wait(String id, WaitKind kind, String nodeId, String nodeType, int step, int attempt,
            String startedAt, String until, String signal, String childRunId) {
    }

    /** Why a run is parked. */
    public enum WaitKind {
        /** A delay node. */
        TIMER,
        /** A waitForEvent node. */
        SIGNAL,
        /** A subWorkflow node waiting for its child run. */
        CHILD,
        /** An outbound call (http, sendEmail, updateCase, contentTransition, subWorkflow's start) under way. */
        CALL,
        /** The backoff before the next attempt of a failed node. */
        RETRY
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String name, Object data) {
    }

    /** The node that failed a run, for a retry from there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(String nodeId, String nodeType, String message, String code, int attempts) {
    }
}
