package dev.orchestrion.support.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonParsingTest {

    @Test
    void theMapperReadsOneDocumentAndNothingAfterIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonParsing().customize(mapper);
        assertThat(mapper.readValue("{\"a\": 1} ", Map.class)).containsEntry("a", 1);
        assertThatThrownBy(() -> mapper.readValue("{\"a\": 1} x", Map.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readTree("{}{}")).isInstanceOf(JsonProcessingException.class);
    }
}
