package dev.orchestrion.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;

/**
 * Drives load at a system and measures it. Two shapes: a closed loop (N clients, each sending its next request
 * when the previous answer arrives: the throughput the system sustains) and a fixed rate (requests scheduled at a
 * constant rate whatever the answers do, latency counted from the scheduled time so that a stall is not hidden:
 * the latency a client sees at that load). Each measurement also gets the machine's idle share over its window
 * ({@link CpuIdle}) and any figures the caller reads over the same window ({@link Alongside}).
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    /** One operation: completes with the HTTP status (or any code; 2xx counts as success). */
    public interface Operation extends Supplier<CompletableFuture<Integer>> {
    }

    /**
     * Figures a benchmark reads over the same window as a measurement (say, events a consumer saw, or a backlog),
     * reported beside it. {@link #opened()} runs when the measured window opens, {@link #closed(double)} when it
     * closes.
     */
    public interface Alongside {

        Alongside NONE = new Alongside() {

            @Override
            public void opened() {
            }

            @Override
            public Map<String, Double> closed(double seconds) {
                return Map.of();
            }
        };

        /**
         * Before the load of a measurement starts: waits until what earlier load left behind (a backlog that would
         * take CPU from this measurement) is done.
         */
        default void settle() throws InterruptedException {
        }

        void opened();

        /** The figures of the window that lasted {@code seconds}, in the order to show them (null: not readable). */
        Map<String, Double> closed(double seconds);
    }

    /**
     * Runs {@code operation} in a closed loop of 32 clients for {@code orchestrion.bench.prewarm} (default 30 s),
     * recording nothing: the JIT compilers of this JVM and of the services finish their work before anything is
     * measured. On two cores a cold start spends about half of the first minute's CPU compiling (C2 alone was 13-15 %
     * of the machine in each of the load generator and the runner), which no warm service pays.
     */
    public static void prewarm(Operation operation) throws InterruptedException {
        Duration prewarm = Duration.parse(System.getProperty("orchestrion.bench.prewarm", "PT30S"));
        if (prewarm.isZero() || prewarm.isNegative()) {
            return;
        }
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(32);
        Recorder ignored = new Recorder(3);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        for (int i = 0; i < 32; i++) {
            loop(operation, ignored, statuses, new AtomicBoolean(false), running, done);
        }
        Thread.sleep(prewarm.toMillis());
        running.set(false);
        done.await(30, TimeUnit.SECONDS);
    }

    public static BenchmarkResult closedLoop(String name, int clients, Duration warmup, Duration duration,
            Operation operation) throws InterruptedException {
        return closedLoop(name, clients, warmup, duration, operation, Alongside.NONE);
    }

    public static BenchmarkResult closedLoop(String name, int clients, Duration warmup, Duration duration,
            Operation operation, Alongside alongside) throws InterruptedException {
        alongside.settle();
        Recorder recorder = new Recorder(3);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            loop(operation, recorder, statuses, measuring, running, done);
        }
        Thread.sleep(warmup.toMillis());
        recorder.reset();
        statuses.clear();
        CpuIdle.Sample cpuFrom = CpuIdle.sample();
        alongside.opened();
        measuring.set(true);
        long begin = System.nanoTime();
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - begin) / 1e9;
        Double idle = CpuIdle.share(cpuFrom, CpuIdle.sample());
        Map<String, Double> figures = alongside.closed(seconds);
        var histogram = recorder.getIntervalHistogram();
        running.set(false);
        done.await(30, TimeUnit.SECONDS);
        return BenchmarkResult.of(name, "closed loop, " + clients + " clients", seconds, histogram, counts(statuses),
                idle, figures);
    }

    private static void loop(Operation operation, Recorder recorder, Map<Integer, AtomicLong> statuses,
            AtomicBoolean measuring, AtomicBoolean running, CountDownLatch done) {
        if (!running.get()) {
            done.countDown();
            return;
        }
        long start = System.nanoTime();
        operation.get().whenComplete((status, error) -> {
            if (measuring.get()) {
                recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                statuses.computeIfAbsent(error != null ? -1 : status, k -> new AtomicLong()).incrementAndGet();
            }
            loop(operation, recorder, statuses, measuring, running, done);
        });
    }

    public static BenchmarkResult fixedRate(String name, int perSecond, Duration warmup, Duration duration,
            Operation operation) throws InterruptedException {
        return fixedRate(name, perSecond, warmup, duration, operation, Alongside.NONE);
    }

    public static BenchmarkResult fixedRate(String name, int perSecond, Duration warmup, Duration duration,
            Operation operation, Alongside alongside) throws InterruptedException {
        alongside.settle();
        Recorder recorder = new Recorder(3);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong inFlight = new AtomicLong();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = 1_000_000_000L / perSecond;
        long origin = System.nanoTime();
        long measureFrom = origin + warmup.toNanos();
        long measureTo = measureFrom + duration.toNanos();
        AtomicLong sent = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        // Ticks every millisecond and sends what is due, so that rates above 1000/s work and late ticks catch up.
        scheduler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Request k is due at origin + k * interval: at origin the first one is due already.
            long due = (now - origin) / intervalNanos + 1;
            while (sent.get() < due) {
                long intended = origin + sent.getAndIncrement() * intervalNanos;
                if (intended >= measureTo) {
                    finished.countDown();
                    return;
                }
                boolean measured = intended >= measureFrom;
                inFlight.incrementAndGet();
                operation.get().whenComplete((status, error) -> {
                    inFlight.decrementAndGet();
                    if (measured) {
                        recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                        statuses.computeIfAbsent(error != null ? -1 : status, k -> new AtomicLong()).incrementAndGet();
                    }
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        // The window is the scheduled one: from the first measured request's due time to the end of the last.
        TimeUnit.NANOSECONDS.sleep(Math.max(0, measureFrom - System.nanoTime()));
        CpuIdle.Sample cpuFrom = CpuIdle.sample();
        alongside.opened();
        long begin = System.nanoTime();
        finished.await();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Double idle = CpuIdle.share(cpuFrom, CpuIdle.sample());
        Map<String, Double> figures = alongside.closed(seconds);
        scheduler.shutdownNow();
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        return BenchmarkResult.of(name, perSecond + "/s fixed rate", duration.toNanos() / 1e9,
                recorder.getIntervalHistogram(), counts(statuses), idle, figures);
    }

    private static Map<Integer, Long> counts(Map<Integer, AtomicLong> statuses) {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }
}
