package dev.orchestrion.definition.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** GET /node-types serves the catalog of docs/node-types.md: same types, properties, required flags and outputs. */
class NodeTypeCatalogDocTest {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    record DocType(Map<String, Boolean> properties, Set<String> outputs, boolean dynamicOutputs) {
    }

    static Map<String, DocType> documented() throws IOException {
        String doc = Files
                .readString(Path.of(System.getProperty("orchestrion.root", "..")).resolve("docs/node-types.md"));
        String section = doc.substring(doc.indexOf("## Node types"), doc.indexOf("## Incidents"));
        Map<String, DocType> types = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            String type = cells[1].trim().replace("`", "");
            Map<String, Boolean> properties = new LinkedHashMap<>();
            String props = cells[2].trim();
            if (!props.equals("none")) {
                for (String segment : topLevel(props, ';')) {
                    Matcher name = TICKED.matcher(segment);
                    if (name.find()) {
                        String rest = segment.substring(name.end()).trim();
                        properties.put(name.group(1), rest.startsWith("(required"));
                    }
                }
            }
            String outputsCell = withoutParentheses(cells[3].trim());
            Set<String> outputs = new LinkedHashSet<>();
            Matcher output = TICKED.matcher(outputsCell);
            while (output.find()) {
                outputs.add(output.group(1));
            }
            types.put(type, new DocType(properties, outputs, outputsCell.contains("one per")));
        }
        return types;
    }

    static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == separator && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    static String withoutParentheses(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void theCatalogMatchesTheDocument() throws IOException {
        Map<String, DocType> documented = documented();
        assertThat(documented).hasSize(15);
        assertThat(NodeTypeCatalog.all()).extracting(NodeType::type).containsExactlyElementsOf(documented.keySet());
        for (NodeType type : NodeTypeCatalog.all()) {
            DocType doc = documented.get(type.type());
            Map<String, Boolean> properties = new LinkedHashMap<>();
            type.properties().forEach(p -> properties.put(p.name(), p.required()));
            assertThat(properties).as("properties of %s", type.type()).isEqualTo(doc.properties());
            assertThat(type.outputs()).as("outputs of %s", type.type()).extracting(OutputSpec::name)
                    .containsExactlyElementsOf(doc.outputs());
            assertThat(type.dynamicOutputs() != null).as("dynamic outputs of %s", type.type())
                    .isEqualTo(doc.dynamicOutputs());
        }
    }

    @Test
    void everyIncidentCodeIsDocumented() throws IOException {
        String doc = Files
                .readString(Path.of(System.getProperty("orchestrion.root", "..")).resolve("docs/node-types.md"));
        for (var code : dev.orchestrion.definition.model.IncidentCode.values()) {
            assertThat(doc).contains("| `" + code.name() + "` |");
        }
    }
}
