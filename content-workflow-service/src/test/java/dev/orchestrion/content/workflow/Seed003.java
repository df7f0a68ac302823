package dev.orchestrion.content.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.content.model.workflow.WorkflowDefinition;

/** Seed 003's example definition, read as clients send it (unknown fields would fail, as in the service). */
final class Seed003 {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Seed003() {
    }

    static String text() {
        try (InputStream in = Seed003.class.getResourceAsStream("/seeds/seed-003-custom-approval.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkflowDefinition definition() {
        try {
            return JSON.readValue(text(), WorkflowDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
