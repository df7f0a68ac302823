package dev.orchestrion.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;

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
            backend = new H2Backend(openStore(file));
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

    /**
     * Opens the H2 store. A store that cannot be read (a process killed while H2 rewrote it, a machine stopped under
     * it: "Chunk ... not found") is kept aside as {@code <file>.damaged-<time>} and rolled back to its newest
     * version that reads, so the local platform starts with its data as of shortly before the damage instead of not
     * at all; if even that fails, the message says how to start afresh.
     */
    static MVStore openStore(Path file) {
        // (MVStoreTool.repair also leaves the store as it was before the rollback in <file>.back)
        try {
            return open(file);
        } catch (MVStoreException damaged) {
            if (!DAMAGE.contains(damaged.getErrorCode())) {
                throw damaged; // a locked file, an unknown format, a full disk: nothing a rollback mends
            }
            Path kept = file.resolveSibling(file.getFileName() + ".damaged-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            try {
                Files.copy(file, kept);
            } catch (IOException e) {
                throw new UncheckedIOException("could not keep a copy of the damaged MongoDB store " + file, e);
            }
            LocalStack.log("the MongoDB store %s could not be read (%s); a copy is kept as %s, rolling the store back "
                    + "to its newest readable version", file, damaged.getMessage(), kept.getFileName());
            try {
                MVStoreTool.repair(file.toString());
                return open(file);
            } catch (RuntimeException still) {
                throw new IllegalStateException("The MongoDB store " + file + " is damaged beyond repair (" + still
                        + "); ./orchestrion up --fresh starts with empty data (the damaged file is kept as " + kept
                        + ")", still);
            }
        }
    }

    private static MVStore open(Path file) {
        // Commit the store every 100 ms instead of H2's default second: a smaller window lost to a kill -9.
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitBufferSize(1024)
                .open();
        store.setAutoCommitDelay(100);
        return store;
    }

    /** The H2 errors that say the file's content is damaged. */
    private static final java.util.Set<Integer> DAMAGE = java.util.Set.of(DataUtils.ERROR_FILE_CORRUPT,
            DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND);

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
