package dev.orchestrion.runner.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from PostgreSQL's {@code timestamptz} as the reactive client binds and reads it, in UTC. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant as a bind value; null stays null. */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A column's value as an instant; null stays null. */
    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
