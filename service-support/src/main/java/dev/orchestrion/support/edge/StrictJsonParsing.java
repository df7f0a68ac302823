package dev.orchestrion.support.edge;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The platform's JSON mapper reads one document and nothing after it: {@code {"a":1} x} or {@code {}{}} fail
 * wherever the mapper parses (request bodies are refused earlier still, by {@link JsonRequestBodies}).
 */
@Singleton
public class StrictJsonParsing implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
