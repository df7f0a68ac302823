package dev.orchestrion.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;

import dev.orchestrion.localstack.PostgresNode;

/** PostgreSQL 17 started by the test JVM on a free port, in a data directory that a kill and restart keep. */
final class EmbeddedTestPostgres implements TestPostgres {

    private final Path dataDir;
    private final int port;
    private PostgresNode node;

    EmbeddedTestPostgres() {
        try {
            dataDir = Files.createTempDirectory("orchestrion-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node = PostgresNode.startForTests(dataDir, 0);
        port = node.port();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "test-postgres-stop"));
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return PostgresNode.USER;
    }

    @Override
    public String password() {
        return PostgresNode.PASSWORD;
    }

    @Override
    public boolean killable() {
        return true;
    }

    @Override
    public synchronized void kill() {
        ProcessHandle postmaster = postmaster()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        // The backends of a killed postmaster exit once they notice; a restart needs their shared memory released.
        Awaitility.await("PostgreSQL processes to exit").atMost(Duration.ofSeconds(30))
                .until(() -> !postmaster.isAlive() && backends.stream().noneMatch(ProcessHandle::isAlive));
        // Releases the data directory lock the embedded server holds in this JVM (its pg_ctl stop fails, as intended).
        stopQuietly();
    }

    @Override
    public synchronized void restart() {
        try {
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node = PostgresNode.startForTests(dataDir, port);
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void stopQuietly() {
        try {
            node.close();
        } catch (RuntimeException ignored) {
            // the JVM is exiting; the process may already be gone
        }
    }
}
