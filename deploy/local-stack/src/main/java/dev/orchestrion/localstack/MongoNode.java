package dev.orchestrion.localstack;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM: an H2 file backend that survives restarts when
 * given a file, an in-memory backend otherwise. It has no transactions, sessions or {@code $text} search.
 */
public final class MongoNode implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private MongoNode(MongoServer server, MongoBackend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    /**
     * @param file the H2 store file, or null for memory
     * @param port the port, 0 for a free one
     */
    public static MongoNode start(Path file, int port) {
        MongoBackend backend;
        if (file == null) {
            backend = new MemoryBackend();
        } else {
            // Commit the store every 100 ms instead of H2's default second: a smaller window lost to a kill -9.
            MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitBufferSize(1024)
                    .open();
            store.setAutoCommitDelay(100);
            backend = new H2Backend(store);
        }
        MongoServer server = new MongoServer(backend);
        if (port > 0) {
            server.bind("127.0.0.1", port);
        } else {
            server.bind();
        }
        var address = server.getLocalAddress();
        return new MongoNode(server, backend, "mongodb://127.0.0.1:" + address.getPort());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
