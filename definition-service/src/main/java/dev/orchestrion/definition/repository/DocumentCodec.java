package dev.orchestrion.definition.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orchestrion.definition.model.OutboxEvent;

/** Converts records to BSON documents and back through their JSON form, and the outbox entries of documents. */
@ApplicationScoped
public class DocumentCodec {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final ObjectMapper json;

    public DocumentCodec(ObjectMapper json) {
        this.json = json;
    }

    public Document toDocument(Object value) {
        try {
            return Document.parse(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        try {
            return json.readValue(document.toJson(RELAXED), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored document does not match " + type.getSimpleName(), e);
        }
    }

    public String toJson(Document document) {
        return document.toJson(RELAXED);
    }

    public static Document outboxEntry(OutboxEvent event) {
        return new Document("id", event.id()).append("type", event.type()).append("key", event.key())
                .append("tenant", event.tenant()).append("time", Date.from(event.time()))
                .append("data", new Document(event.data()));
    }

    public static List<Document> outboxEntries(List<OutboxEvent> events) {
        List<Document> entries = new ArrayList<>();
        events.forEach(e -> entries.add(outboxEntry(e)));
        return entries;
    }

    @SuppressWarnings("unchecked")
    public static OutboxEvent outboxEvent(Document entry) {
        return new OutboxEvent(entry.getString("id"), entry.getString("type"), entry.getString("key"),
                entry.getString("tenant"), entry.getDate("time").toInstant(),
                (Map<String, Object>) (Map<?, ?>) entry.get("data", Document.class));
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
