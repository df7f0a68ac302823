package dev.orchestrion.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server process started from this JVM (zonky embedded binaries) on a data directory that is
 * kept across restarts. The local stack runs it durable ({@code fsync} and {@code synchronous_commit} on); tests run
 * it without {@code fsync} for speed, which only risks data on an operating-system crash, never on a process kill.
 */
public final class PostgresNode implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresNode(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a durable server.
     *
     * @param dataDir where the cluster lives (kept across restarts)
     * @param port the port, 0 for a free one
     */
    public static PostgresNode start(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    /** Starts a server for tests: same as {@link #start(Path, int)} but without fsync (a kill loses nothing). */
    public static PostgresNode startForTests(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    private static PostgresNode start(Path dataDir, int port, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", durable ? "on" : "off")
                // Always on: with it off a killed server loses commits it has acknowledged, even without an OS crash.
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "300").setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
        if (durable) {
            // Sized like a database server rather than PostgreSQL's 128 MB default: with the runs' tables larger than
            // the buffer cache, backends read index pages back and write out dirty ones themselves on every insert.
            // Checkpoints further apart write fewer full-page images. Statement statistics are kept for profiles.
            builder.setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (port > 0) {
            requireFree(port);
            builder.setPort(port);
        }
        try {
            PostgresNode node = new PostgresNode(builder.start());
            node.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    /**
     * Fails at once, naming the port, where the postmaster would otherwise exit on "could not bind" and leave the
     * caller waiting out the start-up timeout with only "connection refused" to go on.
     */
    private static void requireFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL port " + port + " on 127.0.0.1 is in use (" + e.getMessage()
                    + "); stop what holds it or move ORCHESTRION_POSTGRES_PORT", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist. */
    public void ensureDatabase(String database) {
        requireIdentifier(database);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** Drops the database (if present) and creates it empty. */
    public void recreateDatabase(String database) {
        requireIdentifier(database);
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute("CREATE DATABASE " + database);
    }

    /** The value of a server setting, e.g. {@code fsync}. */
    public String setting(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement show = connection.prepareStatement("SELECT current_setting(?)")) {
            show.setString(1, name);
            try (ResultSet rs = show.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read setting " + name, e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + e.getMessage(), e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL", e);
        }
    }
}
