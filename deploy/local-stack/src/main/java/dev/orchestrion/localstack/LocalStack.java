package dev.orchestrion.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's infrastructure in one JVM on fixed loopback ports: a KRaft Kafka broker with the platform's topics,
 * PostgreSQL 17 with one database per PostgreSQL-backed service, and a MongoDB wire-protocol server. All data lives
 * under one directory; Ctrl-C (SIGTERM) stops everything cleanly.
 *
 * <pre>
 * java -cp "orchestrion-local-stack.jar:lib/*" dev.orchestrion.localstack.LocalStack [--data DIR] [--fresh]
 * java -cp "orchestrion-local-stack.jar:lib/*" dev.orchestrion.localstack.LocalStack token [--data DIR] --tenant T --roles r1,r2 [--subject S] [--hours H]
 * </pre>
 */
public final class LocalStack implements AutoCloseable {

    /** PostgreSQL databases, one per service that uses PostgreSQL. */
    public static final List<String> POSTGRES_DATABASES = List.of("cases", "runner");

    public static final String READY_FILE = "stack.ready";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dataDir;
    private final KafkaNode kafka;
    private final PostgresNode postgres;
    private final MongoNode mongo;

    private LocalStack(Path dataDir, Ports ports) {
        this.dataDir = dataDir;
        try {
            long begin = System.nanoTime();
            SigningKeys.ensure(dataDir.resolve("keys"));
            kafka = track(KafkaNode.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()));
            PlatformTopics.ensure(kafka.bootstrapServers(), PlatformTopics.partitionsByTopic());
            postgres = track(PostgresNode.start(dataDir.resolve("postgres"), ports.postgres()));
            POSTGRES_DATABASES.forEach(postgres::ensureDatabase);
            Files.createDirectories(dataDir.resolve("mongo"));
            mongo = track(MongoNode.start(dataDir.resolve("mongo").resolve("orchestrion.mv"), ports.mongo()));
            log("ready in %d ms", Duration.ofNanos(System.nanoTime() - begin).toMillis());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the stack; {@code ports} with zeros picks free ports (used by tests). */
    public static LocalStack start(Path dataDir, Ports ports) {
        return new LocalStack(dataDir, ports);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresNode postgres() {
        return postgres;
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public Path dataDir() {
        return dataDir;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log("could not stop %s cleanly: %s", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        Path dataDir = Path.of(arguments.value("--data", ".data")).toAbsolutePath();
        if (arguments.command().equals("token")) {
            printToken(dataDir, arguments);
            return;
        }
        if (arguments.flag("--fresh")) {
            wipe(dataDir);
        }
        Files.createDirectories(dataDir);
        try (FileChannel lockChannel = FileChannel.open(dataDir.resolve("local-stack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another local stack is already running on " + dataDir);
            }
            Path ready = dataDir.resolve(READY_FILE);
            Files.deleteIfExists(ready);
            LocalStack stack = start(dataDir, Ports.fromEnvironment());
            Thread shutdown = new Thread(() -> {
                log("stopping");
                try {
                    Files.deleteIfExists(ready);
                } catch (IOException ignored) {
                    // best effort: the file only tells scripts the stack is up
                }
                stack.close();
                log("stopped");
            }, "local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            Files.writeString(ready,
                    String.join("\n", "kafka.bootstrap.servers=" + stack.kafkaBootstrapServers(),
                            "postgres.port=" + stack.postgres().port(),
                            "mongodb.connection-string=" + stack.mongoConnectionString(),
                            "pid=" + ProcessHandle.current().pid(), ""));
            log("Kafka %s, PostgreSQL 127.0.0.1:%d (databases %s), MongoDB %s, data in %s",
                    stack.kafkaBootstrapServers(), stack.postgres().port(), POSTGRES_DATABASES,
                    stack.mongoConnectionString(), dataDir);
            Thread.currentThread().join();
        }
    }

    private static void printToken(Path dataDir, Arguments arguments) {
        // The stack generates the pair on its first start; minting a token first generates it just the same.
        SigningKeys.ensure(dataDir.resolve("keys"));
        Path keyFile = dataDir.resolve("keys").resolve(SigningKeys.PRIVATE_KEY_FILE);
        String tenant = arguments.required("--tenant");
        List<String> roles = Arrays.stream(arguments.required("--roles").split(",")).map(String::trim)
                .filter(r -> !r.isEmpty()).toList();
        String subject = arguments.value("--subject", "developer@" + tenant);
        long hours = Long.parseLong(arguments.value("--hours", "12"));
        String issuer = System.getenv().getOrDefault("ORCHESTRION_JWT_ISSUER", Tokens.DEFAULT_ISSUER);
        System.out.println(Tokens.mint(SigningKeys.readPrivateKey(keyFile), issuer, subject, tenant, roles,
                Duration.ofHours(hours)));
    }

    private static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        log("wiped %s", dataDir);
    }

    static void log(String format, Object... args) {
        System.out.println("[local-stack] " + String.format(format, args));
    }

    /** The fixed loopback ports of the local stack; environment variables override the defaults. */
    public record Ports(int kafka, int kafkaController, int postgres, int mongo) {

        public static final Ports RANDOM = new Ports(0, 0, 0, 0);

        /**
         * The ports the environment names; the KRaft controller port follows the broker's (broker + 1) unless named,
         * so that moving {@code ORCHESTRION_KAFKA_PORT} alone is enough to run a second stack beside the first.
         */
        static Ports fromEnvironment() {
            return from(System::getenv);
        }

        static Ports from(java.util.function.UnaryOperator<String> environment) {
            int kafka = port(environment, "ORCHESTRION_KAFKA_PORT", 19092);
            return new Ports(kafka, port(environment, "ORCHESTRION_KAFKA_CONTROLLER_PORT", kafka + 1),
                    port(environment, "ORCHESTRION_POSTGRES_PORT", 15432),
                    port(environment, "ORCHESTRION_MONGO_PORT", 17017));
        }

        private static int port(java.util.function.UnaryOperator<String> environment, String name, int fallback) {
            String value = environment.apply(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    private record Arguments(String command, List<String> args) {

        Arguments(String[] raw) {
            this(raw.length > 0 && !raw[0].startsWith("--") ? raw[0] : "run",
                    raw.length > 0 && !raw[0].startsWith("--") ? List.of(raw).subList(1, raw.length) : List.of(raw));
        }

        boolean flag(String name) {
            return args.contains(name);
        }

        String value(String name, String fallback) {
            int index = args.indexOf(name);
            return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
        }

        String required(String name) {
            String value = value(name, null);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Missing " + name);
            }
            return value;
        }
    }
}
