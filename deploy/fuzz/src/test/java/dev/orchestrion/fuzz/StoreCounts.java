package dev.orchestrion.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * How many rows and documents every store of the platform holds, table by table and collection by collection: a
 * request that was refused must leave these exactly as they were. Tables that only ever change behind the request
 * path (the outbox relays, delivery polls, statistics and migrations) are left out.
 */
final class StoreCounts implements AutoCloseable {

    private static final Set<String> BACKGROUND = Set.of("flyway_schema_history", "outbox", "outbox_events",
            "run_outbox", "stats_applied_events", "schedule_state", "schedule_firings");

    private final List<Connection> databases = new ArrayList<>();
    private final MongoClient mongo;
    private final List<String> mongoDatabases;

    StoreCounts(int postgresPort, List<String> postgresDatabases, int mongoPort, List<String> mongoDatabases)
            throws SQLException {
        for (String database : postgresDatabases) {
            databases.add(DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                    "postgres", "postgres"));
        }
        this.mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);
        this.mongoDatabases = mongoDatabases;
    }

    /** {@code store.table -> count}, sorted, for every table and collection that requests change. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (Connection connection : databases) {
                List<String> tables = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    if (BACKGROUND.contains(table) || table.contains("outbox")) {
                        continue;
                    }
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rows.next();
                        counts.put(connection.getCatalog() + "." + table, rows.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count rows", e);
        }
        for (String name : mongoDatabases) {
            MongoDatabase database = mongo.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                if (collection.contains("outbox")) {
                    continue;
                }
                counts.put(name + "." + collection, database.getCollection(collection).countDocuments());
            }
        }
        return counts;
    }

    @Override
    public void close() {
        for (Connection connection : databases) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        mongo.close();
    }
}
