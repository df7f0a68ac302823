package dev.orchestrion.support.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.mutiny.Uni;

/** What a consumer does with consumed records, in order; fails when any of them cannot be processed. */
@FunctionalInterface
public interface BatchHandler {

    Uni<Void> handle(List<ConsumerRecord<String, String>> records);
}
