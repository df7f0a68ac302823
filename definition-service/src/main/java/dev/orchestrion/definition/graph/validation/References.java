package dev.orchestrion.definition.graph.validation;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a definition names that lives outside it, as the tenant has it now.
 *
 * @param connectionKinds the kind ({@code http}, {@code smtp}) of the tenant's connection of a name, or empty
 * @param definitionExists whether the tenant has a (not deleted) definition of an id, for subWorkflow nodes
 */
record References(Function<String, Optional<String>> connectionKinds, Predicate<String> definitionExists) {
}
