package dev.orchestrion.runner.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.orchestrion.support.messaging.RecordProducer;

/**
 * The runner's one Kafka producer (outbox, commands, dead letters, trigger events): batching tuned for latency, a
 * short linger lets one batch carry the records of many runs.
 */
@ApplicationScoped
public class RecordProducerFactory {

    @Produces
    @Singleton
    RecordProducer recordProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "orchestrion.runner.producer.linger-ms", defaultValue = "2") int lingerMs) {
        return RecordProducer.connect(bootstrapServers,
                new RecordProducer.Settings("runner-service-" + ProcessHandle.current().pid(),
                        Duration.ofMillis(lingerMs), 65_536, Duration.ofSeconds(30), Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));
    }

    void close(@Disposes RecordProducer producer) {
        producer.close(Duration.ofSeconds(10));
    }
}
