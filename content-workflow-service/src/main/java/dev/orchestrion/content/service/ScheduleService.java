package dev.orchestrion.content.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.content.entry.EntryChanges;
import dev.orchestrion.content.model.Schedules;

/** An entry's publish and unpublish schedules, carried out by {@link PublishScheduler}. */
@ApplicationScoped
public class ScheduleService {

    private final EntryService entries;

    public ScheduleService(EntryService entries) {
        this.entries = entries;
    }

    public Uni<Schedules> get(String tenant, String typeName, String id, boolean publicOnly) {
        return entries.load(tenant, typeName, id, publicOnly).map(loaded -> loaded.entry().schedules());
    }

    public Uni<Schedules> set(String tenant, String typeName, String id, boolean publish, Instant dateTime) {
        return entries.load(tenant, typeName, id, false).chain(loaded -> {
            Instant now = EntryService.now();
            return entries.store(loaded,
                    EntryChanges.schedule(loaded.entry(), loaded.machine(), publish, dateTime, now), now);
        }).map(loaded -> loaded.entry().schedules());
    }

    public Uni<Void> remove(String tenant, String typeName, String id, boolean publish, String actor) {
        return entries.load(tenant, typeName, id, false).chain(loaded -> {
            Instant now = EntryService.now();
            return entries.store(loaded, EntryChanges.unschedule(loaded.entry(), loaded.machine(), publish, actor, now),
                    now);
        }).replaceWithVoid();
    }
}
