package dev.orchestrion.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server tests use, wherever it runs: embedded in this JVM, a container, or an external server named
 * by {@code POSTGRES_URL}. Each service gets its own database, recreated empty once per test JVM.
 */
public interface TestPostgres {

    String host();

    int port();

    String user();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Drops and recreates the database so that a test JVM starts from an empty schema. */
    default void recreateDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Whether this server's process belongs to the test JVM, so a test may kill and restart it. */
    default boolean killable() {
        return false;
    }

    /** Kills the server process (SIGKILL), as a crash would. */
    default void kill() {
        throw new UnsupportedOperationException("This PostgreSQL server is not owned by the test JVM");
    }

    /** Starts the server again on the same port and data directory after {@link #kill()}. */
    default void restart() {
        throw new UnsupportedOperationException("This PostgreSQL server is not owned by the test JVM");
    }
}
