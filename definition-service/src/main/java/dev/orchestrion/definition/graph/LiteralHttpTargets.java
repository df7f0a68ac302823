package dev.orchestrion.definition.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.Node;

/**
 * The call targets a definition names literally: http nodes whose {@code url} spells out its scheme and host (no
 * template placeholder before the path). The outbound guard can judge those before the definition runs; a relative
 * url goes to its connection's endpoint, checked when the connection is saved.
 */
public final class LiteralHttpTargets {

    private LiteralHttpTargets() {
    }

    /** An http node and the scheme and host of its url, as {@code scheme://authority/}. */
    public record Target(String nodeId, String origin) {
    }

    public static List<Target> of(DefinitionContent content) {
        List<Target> targets = new ArrayList<>();
        if (content.nodes() == null) {
            return targets;
        }
        for (Node node : content.nodes()) {
            JsonNode url = node == null || !"http".equals(node.type()) ? null : node.propertiesOrEmpty().get("url");
            if (url != null && url.isTextual()) {
                String origin = origin(url.asText().trim());
                if (origin != null) {
                    targets.add(new Target(node.id(), origin));
                }
            }
        }
        return targets;
    }

    /** {@code scheme://authority/} of an absolute http(s) url whose scheme and authority hold no placeholder. */
    static String origin(String url) {
        int separator = url.indexOf("://");
        if (separator <= 0) {
            return null;
        }
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int end = separator + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(separator + 3, end);
        if (authority.isEmpty() || authority.contains("{{") || authority.contains("}}")) {
            return null;
        }
        return scheme + "://" + authority + "/";
    }
}
