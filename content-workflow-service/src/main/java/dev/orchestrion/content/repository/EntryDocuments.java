package dev.orchestrion.content.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import dev.orchestrion.content.model.Entry;
import dev.orchestrion.content.model.EntryChange;
import dev.orchestrion.content.model.EntryEvent;
import dev.orchestrion.content.model.EntryVersion;
import dev.orchestrion.content.model.HistoryRecord;
import dev.orchestrion.content.model.PublicVersion;
import dev.orchestrion.content.model.Schedule;
import dev.orchestrion.content.model.ScheduleStatus;
import dev.orchestrion.content.model.Schedules;

/**
 * How entries, their outbox items, versions and audit records look in MongoDB. An entry's outbox is the list
 * {@code outbox} inside its document: items of kind {@code event} (a CloudEvent to publish), {@code version} and
 * {@code history} (records to copy into their collections), written by the same update as the change itself.
 */
final class EntryDocuments {

    static final String OUTBOX = "outbox";

    private EntryDocuments() {
    }

    static String documentId(String tenant, String entryId) {
        return tenant + "/" + entryId;
    }

    /** The entry's fields to {@code $set} on a change (everything but its identity, revision and outbox). */
    static Document state(Entry e) {
        PublicVersion pub = e.publicVersion();
        Instant nextDue = e.deleted() ? null : e.schedules().nextDueAt();
        return new Document("contentType", e.contentType()).append("workflowId", e.workflowId())
                .append("data", BsonJson.toDocument(e.data())).append("updatedAt", date(e.updatedAt()))
                .append("deletedAt", date(e.deletedAt())).append("workflowState", e.workflowState())
                .append("latestVersion", e.latestVersion()).append("versionNo", e.versionNo())
                .append("publicVersion",
                        pub == null
                                ? null
                                : new Document("number", pub.number()).append("versionNo", pub.versionNo())
                                        .append("publishedAt", date(pub.publishedAt()))
                                        .append("workflowState", pub.workflowState())
                                        .append("data", BsonJson.toDocument(pub.data())))
                .append("schedules",
                        new Document("publish", schedule(e.schedules().publish())).append("unpublish",
                                schedule(e.schedules().unpublish())))
                .append("nextDueAt", date(nextDue)).append("historyCount", e.historyCount());
    }

    static Document newEntry(EntryChange change, Instant now) {
        Entry e = change.after();
        Document document = new Document("_id", documentId(e.tenant(), e.id())).append("tenant", e.tenant())
                .append("entryId", e.id()).append("createdAt", date(e.createdAt())).append("createdBy", e.createdBy())
                .append("revision", 1L);
        document.putAll(state(e));
        document.append(OUTBOX, outboxItems(change)).append("outboxSince", date(now));
        return document;
    }

    static List<Document> outboxItems(EntryChange change) {
        List<Document> items = new ArrayList<>();
        // Records first: the relay stores them before it publishes the events that announce them.
        change.versions().forEach(v -> items.add(
                new Document("id", "version-" + v.number()).append("kind", "version").append("version", version(v))));
        change.history().forEach(h -> items
                .add(new Document("id", "history-" + h.seq()).append("kind", "history").append("record", history(h))));
        change.events().forEach(
                ev -> items.add(new Document("id", ev.id()).append("kind", "event").append("event", event(ev))));
        return items;
    }

    static Entry entry(Document d) {
        Document pub = d.get("publicVersion", Document.class);
        Document schedules = d.get("schedules", Document.class);
        return new Entry(d.getString("tenant"), d.getString("entryId"), d.getString("contentType"),
                d.getString("workflowId"), BsonJson.toObjectNode(d.get("data", Document.class)),
                instant(d.getDate("createdAt")), d.getString("createdBy"), instant(d.getDate("updatedAt")),
                instant(d.getDate("deletedAt")), d.getString("workflowState"),
                d.get("latestVersion", Number.class).intValue(), d.getString("versionNo"),
                pub == null
                        ? null
                        : new PublicVersion(pub.get("number", Number.class).intValue(), pub.getString("versionNo"),
                                instant(pub.getDate("publishedAt")), pub.getString("workflowState"),
                                BsonJson.toObjectNode(pub.get("data", Document.class))),
                schedules == null
                        ? Schedules.NONE
                        : new Schedules(schedule(schedules.get("publish", Document.class)),
                                schedule(schedules.get("unpublish", Document.class))),
                d.get("revision", Number.class).longValue(), d.get("historyCount", Number.class).intValue());
    }

    static List<Document> outbox(Document d) {
        return d.getList(OUTBOX, Document.class, List.of());
    }

    static Document version(EntryVersion v) {
        return new Document("_id", documentId(v.tenant(), v.entryId()) + "/" + v.number()).append("tenant", v.tenant())
                .append("entryId", v.entryId()).append("contentType", v.contentType()).append("number", v.number())
                .append("versionNo", v.versionNo()).append("kind", v.kind()).append("createdAt", date(v.createdAt()))
                .append("createdBy", v.createdBy()).append("workflowState", v.workflowState())
                .append("entryCreatedAt", date(v.entryCreatedAt())).append("publicVersion", v.publicVersion())
                .append("publishedAt", date(v.publishedAt())).append("data", BsonJson.toDocument(v.data()));
    }

    static EntryVersion version(Document d) {
        Number pub = d.get("publicVersion", Number.class);
        return new EntryVersion(d.getString("tenant"), d.getString("entryId"), d.getString("contentType"),
                d.get("number", Number.class).intValue(), d.getString("versionNo"), d.getString("kind"),
                instant(d.getDate("createdAt")), d.getString("createdBy"), d.getString("workflowState"),
                instant(d.getDate("entryCreatedAt")), pub == null ? null : pub.intValue(),
                instant(d.getDate("publishedAt")), BsonJson.toObjectNode(d.get("data", Document.class)));
    }

    static Document history(HistoryRecord h) {
        return new Document("seq", h.seq()).append("at", date(h.at())).append("actor", h.actor())
                .append("fromState", h.fromState()).append("event", h.event()).append("toState", h.toState())
                .append("transition", h.transition()).append("message", h.message()).append("auditText", h.auditText());
    }

    static HistoryRecord history(Document d) {
        return new HistoryRecord(d.get("seq", Number.class).intValue(), instant(d.getDate("at")), d.getString("actor"),
                d.getString("fromState"), d.getString("event"), d.getString("toState"), d.getString("transition"),
                d.getString("message"), d.getString("auditText"));
    }

    static Document event(EntryEvent e) {
        return new Document("id", e.id()).append("type", e.type()).append("time", date(e.time()))
                .append("entryId", e.entryId()).append("tenant", e.tenant())
                .append("data", BsonJson.toDocument(e.data()));
    }

    static EntryEvent event(Document d) {
        return new EntryEvent(d.getString("id"), d.getString("type"), instant(d.getDate("time")),
                d.getString("entryId"), d.getString("tenant"), BsonJson.toObjectNode(d.get("data", Document.class)));
    }

    private static Document schedule(Schedule s) {
        return s == null
                ? null
                : new Document("dateTime", date(s.dateTime())).append("status", s.status().json()).append("settledAt",
                        date(s.settledAt()));
    }

    private static Schedule schedule(Document d) {
        return d == null
                ? null
                : new Schedule(instant(d.getDate("dateTime")), ScheduleStatus.fromJson(d.getString("status")),
                        instant(d.getDate("settledAt")));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
