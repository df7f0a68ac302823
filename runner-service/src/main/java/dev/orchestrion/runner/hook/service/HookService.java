package dev.orchestrion.runner.hook.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.client.DefinitionCatalog;
import dev.orchestrion.runner.engine.graph.WorkflowVersion;
import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunOrder;
import dev.orchestrion.runner.run.repository.RunRepository;
import dev.orchestrion.runner.run.service.RunAdmission;
import dev.orchestrion.runner.run.service.RunRequestService;
import dev.orchestrion.runner.run.service.RunWatchers;
import dev.orchestrion.runner.run.service.SystemCases;
import dev.orchestrion.runner.trigger.model.RegisteredTrigger;
import dev.orchestrion.runner.trigger.service.HttpBindings;
import dev.orchestrion.support.problem.ProblemException;

/**
 * HTTP bindings: a call to {@code METHOD /hooks/{tenant}/{path}} with a valid API key starts the ACTIVE definition
 * bound to that method and path template. Path variables and the JSON body become the run's {@code trigger}
 * ({@code trigger.path.<variable>}, {@code trigger.body}, {@code trigger.query}) and fill the parameters of the same
 * names. The run is for the {@code caseId} query parameter's case, or the definition's system case. With
 * {@code respondWith: result} the call waits (no thread held) up to {@code responseTimeout} for the run to end.
 */
@ApplicationScoped
public class HookService {

    private static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_RESPONSE_TIMEOUT = Duration.ofMinutes(5);

    private final Pool pool;
    private final ApiKeyService apiKeys;
    private final HttpBindings bindings;
    private final DefinitionCatalog catalog;
    private final SystemCases systemCases;
    private final RunRequestService requests;
    private final RunRepository runs;
    private final RunWatchers watchers;
    private final RunAdmission admission;

    public HookService(Pool pool, ApiKeyService apiKeys, HttpBindings bindings, DefinitionCatalog catalog,
            SystemCases systemCases, RunRequestService requests, RunRepository runs, RunWatchers watchers,
            RunAdmission admission) {
        this.admission = admission;
        this.pool = pool;
        this.apiKeys = apiKeys;
        this.bindings = bindings;
        this.catalog = catalog;
        this.systemCases = systemCases;
        this.requests = requests;
        this.runs = runs;
        this.watchers = watchers;
    }

    /** A call to a hook, as the resource read it. */
    public record HookCall(String tenant, String method, String path, String apiKey, String idempotencyKey, UUID caseId,
            Object body, Map<String, String> query) {
    }

    /** The run a call started, and whether the caller waits for its result (then {@code run} is as it ended, or as it is when the wait ran out). */
    public record HookOutcome(Run run, boolean respondWithResult) {
    }

    /** Only a caller with the tenant's key takes a place in the tenant's share of the runner (RunAdmission). */
    public Uni<HookOutcome> call(HookCall call) {
        return apiKeys.authenticate(call.tenant(), call.apiKey())
                .chain(key -> bindings.active(call.tenant(), call.method()).chain(bindings -> {
                    Binding binding = pick(bindings, call.path());
                    if (binding == null) {
                        throw ProblemException.notFound("HTTP binding",
                                call.method() + " /hooks/" + call.tenant() + "/" + call.path());
                    }
                    if (!key.mayStart(binding.trigger().definitionId())) {
                        throw ProblemException
                                .forbidden("This API key may not start workflow " + binding.trigger().definitionId());
                    }
                    return admission.admit(call.tenant(), () -> start(call, binding));
                }));
    }

    private Uni<HookOutcome> start(HookCall call, Binding binding) {
        RegisteredTrigger trigger = binding.trigger();
        String definitionId = trigger.definitionId().toString();
        boolean respondWithResult = "result".equals(trigger.text("respondWith", "accepted"));
        Duration wait = responseTimeout(trigger.text("responseTimeout", null));
        Map<String, Object> triggerData = new LinkedHashMap<>();
        triggerData.put("method", call.method());
        triggerData.put("requestPath", "/" + call.path());
        triggerData.put("path", binding.variables());
        triggerData.put("query", call.query());
        triggerData.put("body", call.body());
        // without the caller's key there is nothing to deduplicate: no key, no lookup
        String key = call.idempotencyKey() == null ? null : "hook:" + definitionId + ":" + call.idempotencyKey();
        Uni<UUID> caseId = call.caseId() != null
                ? Uni.createFrom().item(call.caseId())
                : systemCases.caseFor(call.tenant(), trigger.definitionId());
        return catalog.graph(call.tenant(), definitionId, trigger.version())
                .map(graph -> parameters(graph.version(), binding.variables(), call.body()))
                .chain(parameters -> caseId
                        .chain(id -> requests.startInRequest(call.tenant(), RunOrder.of(definitionId, id, "production"),
                                new RunRequestService.StartOptions("http", parameters, triggerData, null, null), key)))
                .chain(run -> respondWithResult
                        ? awaitEnd(call.tenant(), run, wait).map(ended -> new HookOutcome(ended, true))
                        : Uni.createFrom().item(new HookOutcome(run, false)));
    }

    private Uni<Run> awaitEnd(String tenant, Run started, Duration wait) {
        if (started.status.isTerminal()) {
            return Uni.createFrom().item(started); // it ended in its eager start: nothing to read
        }
        RunWatchers.Waiter waiter = watchers.register(started.id);
        return runs.find(pool, tenant, started.id).onFailure().invoke(waiter::close).chain(run -> {
            if (run == null || run.status.isTerminal()) {
                waiter.close();
                return Uni.createFrom().item(run == null ? started : run);
            }
            return waiter.await(wait).chain(() -> runs.find(pool, tenant, started.id));
        });
    }

    /** The binding an incoming path selects: the most specific matching template. */
    static Binding pick(List<RegisteredTrigger> bindings, String path) {
        return bindings.stream().filter(t -> t.httpPath() != null).map(t -> {
            PathTemplate template = PathTemplate.of(t.httpPath());
            Map<String, String> variables = template.match(path);
            return variables == null ? null : new Binding(t, template, variables);
        }).filter(b -> b != null)
                .max(Comparator.comparingInt((Binding b) -> b.template().specificity())
                        .thenComparing(b -> b.trigger().definitionId().toString(), Comparator.reverseOrder()))
                .orElse(null);
    }

    record Binding(RegisteredTrigger trigger, PathTemplate template, Map<String, String> variables) {
    }

    /** The declared parameters the body's fields and the path variables name, typed as declared. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parameters(WorkflowVersion version, Map<String, String> variables, Object body) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> fields = body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        for (WorkflowVersion.Parameter parameter : version.parameters()) {
            if (variables.containsKey(parameter.name())) {
                parameters.put(parameter.name(), typed(parameter, variables.get(parameter.name())));
            } else if (fields.containsKey(parameter.name())) {
                parameters.put(parameter.name(), fields.get(parameter.name()));
            }
        }
        return parameters;
    }

    private static Object typed(WorkflowVersion.Parameter parameter, String value) {
        try {
            return switch (parameter.type() == null ? "string" : parameter.type()) {
                case "integer" -> Long.parseLong(value);
                case "number" -> Double.parseDouble(value);
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new NumberFormatException(value);
                    }
                    yield Boolean.parseBoolean(value);
                }
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw ProblemException.validation("path." + parameter.name(),
                    "must be " + ("boolean".equals(parameter.type()) ? "true or false" : "a " + parameter.type()));
        }
    }

    private static Duration responseTimeout(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_RESPONSE_TIMEOUT;
        }
        try {
            Duration timeout = Duration.parse(configured);
            return timeout.compareTo(MAX_RESPONSE_TIMEOUT) > 0 ? MAX_RESPONSE_TIMEOUT : timeout;
        } catch (DateTimeParseException e) {
            return DEFAULT_RESPONSE_TIMEOUT;
        }
    }
}
