package dev.orchestrion.definition.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.definition.model.DefinitionContent;

/** The built-in workflow templates (classpath {@code templates/}), grouped by category. */
@ApplicationScoped
public class TemplateCatalog {

    private static final List<String> IDS = List.of("kyc-onboarding", "welcome-series", "abandoned-cart",
            "content-approval-notification", "scheduled-http-report");

    /** A template: a definition to start from. */
    public record Template(String id, String category, String name, String description, DefinitionContent definition) {
    }

    private final List<Template> templates;

    public TemplateCatalog(ObjectMapper json) {
        List<Template> loaded = new ArrayList<>();
        for (String id : IDS) {
            try (InputStream in = TemplateCatalog.class.getClassLoader()
                    .getResourceAsStream("templates/" + id + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("Template " + id + " is missing from the classpath");
                }
                loaded.add(json.readValue(in, Template.class));
            } catch (IOException e) {
                throw new UncheckedIOException("Template " + id + " cannot be read", e);
            }
        }
        this.templates = List.copyOf(loaded);
    }

    public List<Template> all() {
        return templates;
    }

    public Optional<Template> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
