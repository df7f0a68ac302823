package dev.orchestrion.runner.run.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.call.ChildRuns;
import dev.orchestrion.runner.client.CaseDirectory;
import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.client.DefinitionView;
import dev.orchestrion.runner.engine.graph.Parameters;
import dev.orchestrion.runner.engine.graph.WorkflowGraph;
import dev.orchestrion.runner.events.RunCommands;
import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunOrder;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.support.failpoints.Failpoints;
import dev.orchestrion.support.ids.TimeOrderedIds;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;
import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Accepts run requests: checks the definition (active, its current published version pinned), the case (exists, not
 * erased) and the parameters; then either executes its first stretch and stores it ({@link EagerStart}), or stores
 * it as PENDING and sends StartRun. The stored PENDING run is the durable command: if the send is lost, the
 * pending-run sweep sends it again. With an Idempotency-Key the same request
 * returns the same run, also when two arrive at once on two instances (a unique index decides).
 */
@ApplicationScoped
public class RunRequestService implements ChildRuns {

    private static final Logger LOG = Logger.getLogger(RunRequestService.class);

    private final Pool pool;
    private final RunRepository runs;
    private final DefinitionCatalog definitions;
    private final CaseDirectory cases;
    private final RecordProducer producer;
    private final RunTracing tracing;
    private final OutboundTargets targets;
    private final EagerStart eager;
    private final RunAdmission admission;

    public RunRequestService(Pool pool, RunRepository runs, DefinitionCatalog definitions, CaseDirectory cases,
            RecordProducer producer, RunTracing tracing, OutboundTargets targets, EagerStart eager,
            RunAdmission admission) {
        this.admission = admission;
        this.targets = targets;
        this.eager = eager;
        this.pool = pool;
        this.runs = runs;
        this.definitions = definitions;
        this.cases = cases;
        this.producer = producer;
        this.tracing = tracing;
    }

    /**
     * A child run of a subWorkflow node, or a run started by a trigger. {@code inheritedSecrets}: what a child must
     * mask like redacted parameters (its parent's secrets), or null.
     */
    public record StartOptions(String trigger, Map<String, Object> parameters, Map<String, Object> triggerData,
            UUID parentRunId, String parentNodeId, List<Object> inheritedSecrets) {

        public StartOptions(String trigger, Map<String, Object> parameters, Map<String, Object> triggerData,
                UUID parentRunId, String parentNodeId) {
            this(trigger, parameters, triggerData, parentRunId, parentNodeId, null);
        }
    }

    /**
     * A client's run request; with an idempotency key, the same order again answers the same run. The run's first
     * stretch executes before the answer when {@link EagerStart} applies, so the answer is often the finished run.
     */
    public Uni<Run> request(String tenant, RunOrder order, String idempotencyKey) {
        return admission.admit(tenant, () -> accept(tenant, order, null, idempotencyKey, hash(order)));
    }

    /**
     * A client's request (an API call or a binding's call): its first stretch may execute right here, and its key
     * answers the same run only for the same request (same {@code hash}); reused for another one it is a 422.
     */
    private Uni<Run> accept(String tenant, RunOrder order, StartOptions options, String idempotencyKey, String hash) {
        if (idempotencyKey == null) {
            return prepare(tenant, order, options).chain(prepared -> begin(prepared, null, null, true));
        }
        return runs.findByIdempotencyKey(pool, tenant, idempotencyKey).chain(existing -> existing != null
                ? Uni.createFrom().item(sameRequest(existing, hash))
                : prepare(tenant, order, options).chain(prepared -> begin(prepared, idempotencyKey, hash, true)));
    }

    /**
     * Starts a run without a client request: a subWorkflow's child, or a run of a trigger or a schedule. These go
     * through {@code workflow.run-commands}, so no consumer partition executes runs inline. Idempotent by key (none:
     * no lookup).
     */
    public Uni<Run> start(String tenant, RunOrder order, StartOptions options, String idempotencyKey) {
        if (idempotencyKey == null) {
            return prepare(tenant, order, options).chain(prepared -> begin(prepared, null, null, false));
        }
        return runs.findByIdempotencyKey(pool, tenant, idempotencyKey)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing.run())
                        : prepare(tenant, order, options)
                                .chain(prepared -> begin(prepared, idempotencyKey, hash(order), false)));
    }

    /**
     * Starts a run for an HTTP binding's call: like {@link #request}, its first stretch may execute right here, and
     * its key answers the same run only for the same call (method, path, query and body): reused for another call, it
     * is refused with 422, as for {@link #request}.
     */
    public Uni<Run> startInRequest(String tenant, RunOrder order, StartOptions options, String idempotencyKey) {
        return accept(tenant, order, options, idempotencyKey,
                idempotencyKey == null ? null : fingerprint(options.triggerData()));
    }

    /** A run ready to be stored, with the graph of the version it pins. */
    private record Prepared(Run run, WorkflowGraph graph) {
    }

    private Uni<Run> begin(Prepared prepared, String idempotencyKey, String hash, boolean mayStartEagerly) {
        if (!mayStartEagerly || !eager.appliesTo(prepared.graph())) {
            return store(prepared.run(), idempotencyKey, hash);
        }
        return eager.begin(prepared.run(), prepared.graph(), idempotencyKey, hash)
                .chain(run -> run != null
                        ? Uni.createFrom().item(run)
                        // Another request with the same key won the race: answer with its run.
                        : runs.findByIdempotencyKey(pool, prepared.run().tenant, idempotencyKey)
                                .map(existing -> sameRequest(existing, hash)));
    }

    @Override
    public Uni<UUID> startChild(String tenant, String definitionId, UUID caseId, String environment,
            Map<String, Object> parameters, List<Object> secrets, UUID parentRunId, String parentNodeId,
            String idempotencyKey) {
        Map<String, Object> triggerData = new LinkedHashMap<>();
        triggerData.put("parentRunId", parentRunId.toString());
        triggerData.put("parentNodeId", parentNodeId);
        return start(
                tenant, RunOrder.of(definitionId, caseId, environment), new StartOptions("subWorkflow", parameters,
                        triggerData, parentRunId, parentNodeId, secrets.isEmpty() ? null : List.copyOf(secrets)),
                idempotencyKey).map(run -> run.id);
    }

    private Uni<Prepared> prepare(String tenant, RunOrder order, StartOptions options) {
        String definitionId = order.definitionId();
        // A callback the outbound guard would refuse is refused now (400), not retried for hours at send time.
        return targets.requireAllowed(List.of(SavedTarget.url("callbackUrl", order.callbackUrl())))
                .chain(() -> definitions.definition(tenant, definitionId)).chain(definition -> {
                    if (definition == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Workflow definition", definitionId));
                    }
                    if (!definition.active() || definition.publishedVersion() == null) {
                        return Uni.createFrom().failure(ProblemException.conflict("Workflow definition " + definitionId
                                + " is " + definition.status() + "; only ACTIVE definitions run"));
                    }
                    int version = definition.publishedVersion();
                    return definitions.graph(tenant, definitionId, version).chain(graph -> checkCase(tenant,
                            order.caseId()).chain(() -> parameters(tenant, order, definition, graph, options))
                            .chain(params -> caseData(tenant, order.caseId(), graph).map(caseData -> new Prepared(
                                    newRun(tenant, order, version, graph, params, caseData, options), graph))));
                });
    }

    private Uni<Void> checkCase(String tenant, UUID caseId) {
        return cases.status(tenant, caseId.toString()).chain(status -> switch (status) {
            case UNKNOWN -> Uni.createFrom().failure(ProblemException.notFound("Case", caseId));
            case ERASED -> Uni.createFrom().failure(
                    ProblemException.conflict("Case " + caseId + " has been erased; it cannot start new runs"));
            case ACTIVE -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Map<String, Object>> parameters(String tenant, RunOrder order, DefinitionView definition,
            WorkflowGraph graph, StartOptions options) {
        if (order.parametersId() == null) {
            return Uni.createFrom().item(resolve(graph, options == null ? Map.of() : options.parameters()));
        }
        String parametersId = order.parametersId().toString();
        int version = definition.publishedVersion();
        return cases.parameterSet(tenant, parametersId).chain(set -> {
            if (set == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Parameter set", parametersId));
            }
            if (!definition.id().equals(set.workflowDefinitionId())) {
                return Uni.createFrom()
                        .failure(ProblemException.validation("parametersId",
                                "parameter set " + parametersId + " was made for workflow definition "
                                        + set.workflowDefinitionId() + ", not " + definition.id()));
            }
            if (set.definitionVersion() != null && set.definitionVersion() == version) {
                return Uni.createFrom().item(resolve(graph, set.parameters()));
            }
            return cases.validate(tenant, parametersId, version).map(validation -> {
                if (!validation.valid()) {
                    List<Problem.FieldError> errors = validation.violations().stream()
                            .map(v -> new Problem.FieldError("parameters." + v.field(), v.message())).toList();
                    throw ProblemException.validation("Parameter set " + parametersId + " is not valid for version "
                            + version + " of the workflow", errors);
                }
                return resolve(graph, set.parameters());
            });
        });
    }

    private static Map<String, Object> resolve(WorkflowGraph graph, Map<String, Object> given) {
        Parameters.Resolved resolved = Parameters.resolve(graph.version(), given);
        if (!resolved.missing().isEmpty()) {
            throw ProblemException.validation(
                    "The workflow needs parameters: " + String.join(", ", resolved.missing())
                            + "; create a parameter set and pass its parametersId",
                    resolved.missing().stream().map(name -> new Problem.FieldError("parameters." + name, "is required"))
                            .toList());
        }
        return resolved.values();
    }

    private Uni<Map<String, Object>> caseData(String tenant, UUID caseId, WorkflowGraph graph) {
        if (!graph.readsCase()) {
            return Uni.createFrom().nullItem();
        }
        return cases.data(tenant, caseId.toString());
    }

    private static Run newRun(String tenant, RunOrder order, int version, WorkflowGraph graph,
            Map<String, Object> params, Map<String, Object> caseData, StartOptions options) {
        Run run = new Run();
        run.id = TimeOrderedIds.next();
        run.tenant = tenant;
        run.definitionId = UUID.fromString(graph.version().definitionId());
        run.version = version;
        run.caseId = order.caseId();
        run.parametersId = order.parametersId();
        run.environment = order.environment() == null ? "production" : order.environment();
        run.status = RunStatus.PENDING;
        run.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run.callbackUrl = order.callbackUrl();
        run.trigger = options == null ? "api" : options.trigger();
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", run.trigger);
        if (options != null && options.triggerData() != null) {
            trigger.putAll(options.triggerData());
        }
        run.state = RunState.initial(params, caseData == null ? null : publicCaseFields(caseData), trigger,
                options == null ? null : options.inheritedSecrets());
        if (options != null) {
            run.parentRunId = options.parentRunId();
            run.parentNodeId = options.parentNodeId();
        }
        return run;
    }

    private static Map<String, Object> publicCaseFields(Map<String, Object> caseData) {
        Map<String, Object> copy = new LinkedHashMap<>(caseData);
        copy.remove("version");
        copy.remove("createdAt");
        copy.remove("updatedAt");
        return copy;
    }

    private Uni<Run> store(Run run, String idempotencyKey, String hash) {
        return runs.insert(pool, run, idempotencyKey, hash).chain(inserted -> {
            if (!inserted) {
                // Another request with the same key won the race: answer with its run.
                return runs.findByIdempotencyKey(pool, run.tenant, idempotencyKey)
                        .map(existing -> sameRequest(existing, hash));
            }
            Failpoints.hit("queued.before-start-command");
            return producer
                    .send(List
                            .of(RunTracing.traced(RunCommands.start(run, Instant.now()), tracing.currentTraceparent())))
                    .onFailure().invoke(e -> LOG.warnf("StartRun for %s not sent (%s); the pending-run sweep will",
                            run.id, e.getMessage()))
                    .onFailure().recoverWithNull().replaceWith(run);
        });
    }

    private static Run sameRequest(RunRepository.IdempotentRun existing, String hash) {
        if (existing.requestHash() != null && !existing.requestHash().equals(hash)) {
            throw ProblemException.unprocessable("This Idempotency-Key was already used for a different request",
                    List.of());
        }
        return existing.run();
    }

    /** The order's fingerprint; named as the request body names them, so hashes already stored still compare. */
    static String hash(RunOrder order) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("caseId", String.valueOf(order.caseId()));
        canonical.put("workflowDefinitionId", order.definitionId());
        canonical.put("parametersId", order.parametersId() == null ? null : order.parametersId().toString());
        canonical.put("environment", order.environment() == null ? "production" : order.environment());
        canonical.put("callbackUrl", order.callbackUrl());
        return fingerprint(canonical);
    }

    /** SHA-256 of the JSON of {@code request}, in hex. */
    private static String fingerprint(Map<String, Object> request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
