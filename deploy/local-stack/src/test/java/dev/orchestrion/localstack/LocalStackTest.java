package dev.orchestrion.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The local stack is real and durable: topics, databases and settings are there, and data survives a restart. */
class LocalStackTest {

    @TempDir
    Path dataDir;

    @Test
    void startsEverythingDurablyAndKeepsDataAcrossARestart() throws Exception {
        try (LocalStack stack = LocalStack.start(dataDir, LocalStack.Ports.RANDOM)) {
            try (Admin admin = Admin
                    .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).containsAll(PlatformTopics.partitionsByTopic().keySet());
                assertThat(admin.describeTopics(List.of("workflow.run-commands")).allTopicNames().get()
                        .get("workflow.run-commands").partitions())
                        .hasSize(PlatformTopics.partitionsByTopic().get("workflow.run-commands"));
            }
            assertThat(stack.postgres().setting("fsync")).isEqualTo("on");
            assertThat(stack.postgres().setting("synchronous_commit")).isEqualTo("on");

            try (Connection db = connect(stack, "cases"); Statement statement = db.createStatement()) {
                statement.execute("CREATE TABLE kept (value text)");
                statement.execute("INSERT INTO kept VALUES ('still here')");
            }
            try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
                mongo.getDatabase("definitions").getCollection("kept").insertOne(new Document("value", "still here"));
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(stack))) {
                producer.send(new ProducerRecord<>("workflow.case-events", "case-1", "still here")).get();
            }
        }

        try (LocalStack stack = LocalStack.start(dataDir, LocalStack.Ports.RANDOM)) {
            try (Connection db = connect(stack, "cases");
                    Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT value FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
                assertThat(mongo.getDatabase("definitions").getCollection("kept").find().first()).containsEntry("value",
                        "still here");
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(stack))) {
                consumer.subscribe(List.of("workflow.case-events"));
                List<String> values = new java.util.ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        values.add(record.value());
                    }
                }
                assertThat(values).containsExactly("still here");
            }
        }
    }

    @Test
    void mintsTokensThatCarryTenantAndRoles() {
        var keys = SigningKeys.generate();
        String token = Tokens.mint(keys.getPrivate(), Tokens.DEFAULT_ISSUER, "alice", "acme",
                List.of("admin", "client"), Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims).contains("\"tenant\":\"acme\"", "\"groups\":[\"admin\",\"client\"]", "\"sub\":\"alice\"");
    }

    private static Connection connect(LocalStack stack, String database) throws Exception {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresNode.USER,
                PostgresNode.PASSWORD);
    }

    private static Properties producerConfig(LocalStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private static Properties consumerConfig(LocalStack stack) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
