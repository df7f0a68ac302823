package dev.orchestrion.definition.service;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.orchestrion.support.domain.DomainException;
import dev.orchestrion.support.ids.Ids;
import dev.orchestrion.support.ids.ResourceId;

/** Actions on a selection of definitions, each item with its own outcome: one failing item does not stop the rest. */
@ApplicationScoped
public class BulkService {

    public static final int MAX_ITEMS = 100;

    private final DefinitionService definitions;
    private final ExchangeService exchange;

    public BulkService(DefinitionService definitions, ExchangeService exchange) {
        this.definitions = definitions;
        this.exchange = exchange;
    }

    /**
     * One item's outcome: done (with the id of a duplicate), or refused as a single call would have been.
     *
     * @param failure null when done
     */
    public record ItemOutcome(String id, String newId, DomainException failure) {

        public boolean done() {
            return failure == null;
        }
    }

    /** The outcomes and, for export, the {@code .cn} document of the items that could be exported. */
    public record BulkResult(String action, List<ItemOutcome> results, ObjectNode file) {
    }

    /**
     * Runs the action on each of the definitions, one after the other.
     *
     * @param action duplicate, export, delete or move; {@code ids} 1 to {@link #MAX_ITEMS} (the request's field rules)
     */
    public Uni<BulkResult> run(String tenant, String actor, String action, List<String> ids, String folderId) {
        Ids.requireAll("ids", ResourceId.Kind.UUID, ids);
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        return Multi.createFrom().iterable(unique).onItem()
                .transformToUniAndConcatenate(id -> one(tenant, actor, action, id, folderId)).collect().asList()
                .chain(results -> {
                    if (!"export".equals(action)) {
                        return Uni.createFrom().item(new BulkResult(action, results, null));
                    }
                    List<String> exportable = results.stream().filter(ItemOutcome::done).map(ItemOutcome::id).toList();
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
            case "export" -> definitions.stored(tenant, id).replaceWith((String) null);
            default -> throw new IllegalArgumentException("Unknown bulk action " + action);
        };
        return work.map(newId -> new ItemOutcome(id, newId, null)).onFailure(DomainException.class)
                .recoverWithItem(e -> new ItemOutcome(id, null, (DomainException) e));
    }
}
