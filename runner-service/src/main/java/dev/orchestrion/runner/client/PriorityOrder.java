package dev.orchestrion.runner.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** definition-service's {@code GET /priorities}: the tenant's ACTIVE definitions, position 1 (highest) first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriorityOrder(List<Item> items) {

    public PriorityOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(int position, String definitionId, String name, String exclusiveGroup) {
    }

    /** The definition ids in order. */
    public List<String> definitionIds() {
        return items.stream().map(Item::definitionId).toList();
    }
}
