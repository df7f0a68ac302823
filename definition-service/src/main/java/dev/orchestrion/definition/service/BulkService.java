package dev.orchestrion.definition.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.ids.ResourceId;
import dev.orchestrion.support.problem.ProblemException;

/** Actions on a selection of definitions, each item with its own outcome: one failing item does not stop the rest. */
@ApplicationScoped
public class BulkService {

    public static final Set<String> ACTIONS = Set.of("duplicate", "export", "delete", "move");
    public static final int MAX_ITEMS = 100;

    private final DefinitionService definitions;
    private final ExchangeService exchange;

    public BulkService(DefinitionService definitions, ExchangeService exchange) {
        this.definitions = definitions;
        this.exchange = exchange;
    }

    /** One item's outcome: {@code done} or {@code failed} with the status and detail a single call would give. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemOutcome(String id, String outcome, int status, String detail, String newId) {
    }

    /** The outcomes and, for export, the {@code .cn} document of the items that could be exported. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkResult(String action, List<ItemOutcome> results, ObjectNode file) {
    }

    public Uni<BulkResult> run(String tenant, String actor, String action, List<String> ids, String folderId) {
        if (action == null || !ACTIONS.contains(action)) {
            throw ProblemException.validation("action", "must be one of " + ACTIONS);
        }
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.validation("ids", "must list at least one definition id");
        }
        if (ids.size() > MAX_ITEMS) {
            throw ProblemException.validation("ids", "at most " + MAX_ITEMS + " per request");
        }
        Ids.requireAll("ids", ResourceId.Kind.UUID, ids);
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        return Multi.createFrom().iterable(unique).onItem()
                .transformToUniAndConcatenate(id -> one(tenant, actor, action, id, folderId)).collect().asList()
                .chain(results -> {
                    if (!"export".equals(action)) {
                        return Uni.createFrom().item(new BulkResult(action, results, null));
                    }
                    List<String> exportable = results.stream().filter(r -> "done".equals(r.outcome()))
                            .map(ItemOutcome::id).toList();
                    if (exportable.isEmpty()) {
                        return Uni.createFrom().item(new BulkResult(action, results, null));
                    }
                    return exchange.export(tenant, exportable).map(file -> new BulkResult(action, results, file));
                });
    }

    private Uni<ItemOutcome> one(String tenant, String actor, String action, String id, String folderId) {
        Uni<String> work = switch (action) {
            case "duplicate" -> definitions.duplicate(tenant, actor, id, null, null).map(v -> v.stored().id());
            case "delete" -> definitions.delete(tenant, actor, id, null).replaceWith((String) null);
            case "move" -> definitions.move(tenant, actor, id, folderId, null).replaceWith((String) null);
            default -> definitions.stored(tenant, id).replaceWith((String) null);
        };
        return work.map(newId -> new ItemOutcome(id, "done", 200, null, newId)).onFailure(ProblemException.class)
                .recoverWithItem(e -> {
                    ProblemException problem = (ProblemException) e;
                    return new ItemOutcome(id, "failed", problem.status(), problem.getMessage(), null);
                });
    }
}
