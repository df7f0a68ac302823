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
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.runner.run.rest.RunRequest;
import dev.orchestrion.support.messaging.RecordProducer;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;
import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Accepts run requests: checks the definition (active, its current published version pinned), the case (exists, not
 * erased) and the parameters, stores the run as PENDING and sends StartRun. The stored PENDING run is the durable
 * command: if the send is lost, the pending-run sweep sends it again. With an Idempotency-Key the same request
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

    public RunRequestService(Pool pool, RunRepository runs, DefinitionCatalog definitions, CaseDirectory cases,
            RecordProducer producer, RunTracing tracing, OutboundTargets targets) {
        this.targets = targets;
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

    public Uni<Run> request(String tenant, RunRequest request, String idempotencyKey) {
        String hash = hash(request);
        if (idempotencyKey == null) {
            return prepare(tenant, request).chain(run -> store(run, null, null));
        }
        return runs.findByIdempotencyKey(pool, tenant, idempotencyKey)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(sameRequest(existing, hash))
                        : prepare(tenant, request).chain(run -> store(run, idempotencyKey, hash)));
    }

    /** Starts a run without a client request: a subWorkflow's child or a triggered run; idempotent by key. */
    public Uni<Run> start(String tenant, String definitionId, UUID caseId, String environment, StartOptions options,
            String idempotencyKey) {
        RunRequest request = new RunRequest(caseId, definitionId, null, environment, null);
        return runs.findByIdempotencyKey(pool, tenant, idempotencyKey)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing.run())
                        : prepare(tenant, request, options).chain(run -> store(run, idempotencyKey, hash(request))));
    }

    @Override
    public Uni<UUID> startChild(String tenant, String definitionId, UUID caseId, String environment,
            Map<String, Object> parameters, List<Object> secrets, UUID parentRunId, String parentNodeId,
            String idempotencyKey) {
        Map<String, Object> triggerData = new LinkedHashMap<>();
        triggerData.put("parentRunId", parentRunId.toString());
        triggerData.put("parentNodeId", parentNodeId);
        return start(tenant, definitionId, caseId, environment, new StartOptions("subWorkflow", parameters, triggerData,
                parentRunId, parentNodeId, secrets.isEmpty() ? null : List.copyOf(secrets)), idempotencyKey)
                .map(run -> run.id);
    }

    private Uni<Run> prepare(String tenant, RunRequest request) {
        return prepare(tenant, request, null);
    }

    private Uni<Run> prepare(String tenant, RunRequest request, StartOptions options) {
        String definitionId = request.workflowDefinitionId();
        // A callback the outbound guard would refuse is refused now (400), not retried for hours at send time.
        return targets.requireAllowed(List.of(SavedTarget.url("callbackUrl", request.callbackUrl())))
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
                            request.caseId()).chain(() -> parameters(tenant, request, definition, graph, options))
                            .chain(params -> caseData(tenant, request.caseId(), graph).map(
                                    caseData -> newRun(tenant, request, version, graph, params, caseData, options))));
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

    private Uni<Map<String, Object>> parameters(String tenant, RunRequest request, DefinitionView definition,
            WorkflowGraph graph, StartOptions options) {
        if (request.parametersId() == null) {
            return Uni.createFrom().item(resolve(graph, options == null ? Map.of() : options.parameters()));
        }
        String parametersId = request.parametersId().toString();
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

    private static Run newRun(String tenant, RunRequest request, int version, WorkflowGraph graph,
            Map<String, Object> params, Map<String, Object> caseData, StartOptions options) {
        Run run = new Run();
        run.id = UUID.randomUUID();
        run.tenant = tenant;
        run.definitionId = UUID.fromString(graph.version().definitionId());
        run.version = version;
        run.caseId = request.caseId();
        run.parametersId = request.parametersId();
        run.environment = request.environment() == null ? "production" : request.environment();
        run.status = RunStatus.PENDING;
        run.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run.callbackUrl = request.callbackUrl();
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

    static String hash(RunRequest request) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("caseId", String.valueOf(request.caseId()));
        canonical.put("workflowDefinitionId", request.workflowDefinitionId());
        canonical.put("parametersId", request.parametersId() == null ? null : request.parametersId().toString());
        canonical.put("environment", request.environment() == null ? "production" : request.environment());
        canonical.put("callbackUrl", request.callbackUrl());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
