package dev.orchestrion.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the service under test its own empty database (init argument {@code database}) on the shared PostgreSQL
 * server, for both the reactive and the JDBC (migration) datasource.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "orchestrion_test");
    }

    @Override
    public Map<String, String> start() {
        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.recreateDatabase(database);
        return Map.of("quarkus.datasource.reactive.url", postgres.reactiveUrl(database), "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(database), "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // the server is shared by the JVM; the database is recreated by the next run
    }
}
