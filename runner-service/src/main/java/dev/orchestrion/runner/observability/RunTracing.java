package dev.orchestrion.runner.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import dev.orchestrion.support.messaging.OutgoingRecord;

/**
 * Carries a run's trace across the places where no library does it for us: the run commands and run events the
 * runner writes with its own producer and outbox, the executor that picks them up in batches, and webhook deliveries
 * that wait in PostgreSQL. The W3C {@code traceparent} travels as a Kafka header and a delivery column; each hop
 * starts a span that is a child of it. With the OpenTelemetry SDK disabled (the default) every span is a no-op and
 * no header is written.
 */
@ApplicationScoped
public class RunTracing {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public RunTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.orchestrion.runner");
    }

    /** The traceparent of the current context (e.g. the HTTP request being served), or null outside a trace. */
    public String currentTraceparent() {
        return traceparentOf(Context.current());
    }

    /** The traceparent naming {@code span}, for the records it causes; null when the span is not recording. */
    public String traceparentOf(Span span) {
        return span.getSpanContext().isValid() ? traceparentOf(Context.current().with(span)) : null;
    }

    /** {@code record} with the traceparent header added (the record itself when there is none). */
    public static OutgoingRecord traced(OutgoingRecord record, String traceparent) {
        if (traceparent == null) {
            return record;
        }
        return record.withHeader(TRACEPARENT, traceparent);
    }

    /** A span for the executor's work on one command of a run, child of the command's traceparent. */
    /** The eager start of a run, inside the request that asked for it (same name as the executors' Start). */
    public Span startEagerExecution(UUID runId) {
        return tracer.spanBuilder("run.execute Start").setSpanKind(SpanKind.INTERNAL)
                .setParent(parent(currentTraceparent())).setAttribute("orchestrion.run.id", runId.toString())
                .setAttribute("orchestrion.run.eager", true).startSpan();
    }

    public Span startExecution(UUID runId, String commandType, String parentTraceparent) {
        return tracer.spanBuilder("run.execute " + commandType).setSpanKind(SpanKind.CONSUMER)
                .setParent(parent(parentTraceparent)).setAttribute("orchestrion.run.id", runId.toString())
                .setAttribute("messaging.destination.name", "workflow.run-commands").startSpan();
    }

    /** A span for one webhook delivery attempt, child of the run event's traceparent. */
    public Span startDelivery(UUID deliveryId, String url, String parentTraceparent) {
        return tracer.spanBuilder("webhook.deliver").setSpanKind(SpanKind.CLIENT).setParent(parent(parentTraceparent))
                .setAttribute("orchestrion.delivery.id", deliveryId.toString()).setAttribute("url.full", url)
                .startSpan();
    }

    /** Ends a span, marking it failed when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
    }

    private static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.current();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    private static String traceparentOf(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
