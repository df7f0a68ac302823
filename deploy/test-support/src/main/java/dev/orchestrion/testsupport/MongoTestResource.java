package dev.orchestrion.testsupport;

import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives the service under test its own empty database (init argument {@code database}) on the shared Mongo server. */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "orchestrion_test");
    }

    @Override
    public Map<String, String> start() {
        String connectionString = TestInfrastructure.mongoConnectionString();
        // An external server keeps data between runs: start every test JVM from an empty database.
        try (MongoClient client = MongoClients.create(connectionString)) {
            client.getDatabase(database).drop();
        }
        return Map.of("quarkus.mongodb.connection-string", connectionString, "quarkus.mongodb.database", database);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM
    }
}
