package dev.orchestrion.content.entry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The field differences between two versions of an entry: nested objects are compared field by field (dotted
 * paths), anything else as a whole value.
 */
public final class FieldDifferences {

    /**
     * @param change {@code added}, {@code removed} or {@code changed}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Difference(String field, String change, JsonNode from, JsonNode to) {
    }

    private FieldDifferences() {
    }

    public static List<Difference> between(JsonNode from, JsonNode to) {
        List<Difference> differences = new ArrayList<>();
        compare("", from, to, differences);
        return differences;
    }

    /** The top-level field names that differ, for {@code changedFields} of an update event. */
    public static List<String> changedFields(JsonNode from, JsonNode to) {
        return between(from, to).stream().map(d -> {
            int dot = d.field().indexOf('.');
            return dot < 0 ? d.field() : d.field().substring(0, dot);
        }).distinct().toList();
    }

    private static void compare(String prefix, JsonNode from, JsonNode to, List<Difference> out) {
        TreeSet<String> names = new TreeSet<>();
        names(from, names);
        names(to, names);
        for (String name : names) {
            JsonNode a = from == null ? null : from.get(name);
            JsonNode b = to == null ? null : to.get(name);
            String field = prefix + name;
            if (absent(a) && absent(b)) {
                continue;
            }
            if (absent(a)) {
                out.add(new Difference(field, "added", null, b));
            } else if (absent(b)) {
                out.add(new Difference(field, "removed", a, null));
            } else if (a.isObject() && b.isObject()) {
                compare(field + ".", a, b, out);
            } else if (!same(a, b)) {
                out.add(new Difference(field, "changed", a, b));
            }
        }
    }

    private static void names(JsonNode node, TreeSet<String> names) {
        if (node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
