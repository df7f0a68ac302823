package dev.orchestrion.testsupport;

import java.util.Locale;

import dev.orchestrion.localstack.PlatformTopics;

/**
 * The servers a test JVM uses, started once per JVM and shared by every test class in it. Where they come from:
 * <ul>
 * <li>environment variables pointing at running servers: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_URL} (with
 * {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}), {@code MONGODB_URI};</li>
 * <li>otherwise, with {@code -Dorchestrion.test.infra=containers} (Maven profile {@code containers}), Testcontainers;</li>
 * <li>otherwise embedded in this JVM: a KRaft Kafka broker, PostgreSQL 17 and a MongoDB wire-protocol server.</li>
 * </ul>
 */
public final class TestInfrastructure {

    private static TestKafka kafka;
    private static TestPostgres postgres;
    private static String mongoConnectionString;

    private TestInfrastructure() {
    }

    /** Kafka with the platform's topics created. */
    public static synchronized TestKafka kafka() {
        if (kafka == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                kafka = new ExternalTestKafka(external);
            } else if (containers()) {
                kafka = new ExternalTestKafka(ContainerInfrastructure.kafkaBootstrapServers());
            } else {
                kafka = new EmbeddedTestKafka();
            }
            PlatformTopics.ensure(kafka.bootstrapServers(), PlatformTopics.partitionsByTopic());
        }
        return kafka;
    }

    /** The bootstrap servers of {@link #kafka()}. */
    public static String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    public static synchronized TestPostgres postgres() {
        if (postgres == null) {
            String external = System.getenv("POSTGRES_URL");
            if (external != null && !external.isBlank()) {
                postgres = ExternalTestPostgres.fromJdbcUrl(external,
                        System.getenv().getOrDefault("POSTGRES_USER", "postgres"),
                        System.getenv().getOrDefault("POSTGRES_PASSWORD", "postgres"));
            } else if (containers()) {
                postgres = ContainerInfrastructure.postgres();
            } else {
                postgres = new EmbeddedTestPostgres();
            }
        }
        return postgres;
    }

    public static synchronized String mongoConnectionString() {
        if (mongoConnectionString == null) {
            String external = System.getenv("MONGODB_URI");
            if (external != null && !external.isBlank()) {
                mongoConnectionString = external;
            } else if (containers()) {
                mongoConnectionString = ContainerInfrastructure.mongoConnectionString();
            } else {
                var node = dev.orchestrion.localstack.MongoNode.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(node::close, "test-mongo-stop"));
                mongoConnectionString = node.connectionString();
            }
        }
        return mongoConnectionString;
    }

    private static boolean containers() {
        return System.getProperty("orchestrion.test.infra", "embedded").toLowerCase(Locale.ROOT).equals("containers");
    }
}
