package dev.orchestrion.runner.engine;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;
import dev.orchestrion.runner.model.RunStatus;

/**
 * The engine alone, no I/O: best of ROUNDS x RUNS runs of docs/examples/reference-workflow.json from Start to
 * COMPLETED, and the bytes one run allocates. A benchmark, not a test (surefire does not run it). Run it with the
 * test classpath, e.g. after {@code ./mvnw -o -q test-compile -pl runner-service -am} and
 * {@code ./mvnw -o -q dependency:build-classpath -pl runner-service -Dmdep.outputFile=cp.txt}:
 * {@code java -Dorchestrion.root=. -cp runner-service/target/test-classes:runner-service/target/classes:$(cat runner-service/cp.txt)
 * dev.orchestrion.runner.engine.EngineLoopBenchmark 10 40000}.
 */
public final class EngineLoopBenchmark {

    private EngineLoopBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args.length > 0 ? args[0] : "10");
        int runs = Integer.parseInt(args.length > 1 ? args[1] : "40000");
        EngineHarness h = new EngineHarness(EngineHarness.example("reference-workflow.json"), Map.of("amount", 1.0));
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds + 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                Run run = newRun(h, i % 200);
                h.engine.process(run, h.graph, new EngineCommand.Start(), now);
                if (run.status != RunStatus.COMPLETED) {
                    throw new IllegalStateException("The run ended " + run.status);
                }
            }
            double perRun = (System.nanoTime() - start) / 1000.0 / runs;
            if (round >= 2) {
                best = Math.min(best, perRun); // the first two rounds warm the JIT up
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < runs; i++) {
            h.engine.process(newRun(h, i % 200), h.graph, new EngineCommand.Start(), now);
        }
        long allocated = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / runs;
        System.out.printf("reference workflow: best of %d x %d runs: %.2f us a run, %d bytes allocated a run%n", rounds,
                runs, best, allocated);
    }

    private static Run newRun(EngineHarness h, double amount) {
        Run run = new Run();
        run.id = UUID.randomUUID();
        run.tenant = "acme";
        run.definitionId = h.run.definitionId;
        run.version = 1;
        run.caseId = h.run.caseId;
        run.createdAt = h.run.createdAt;
        run.state = RunState.initial(Map.of("amount", amount), null, Map.of(), null);
        return run;
    }
}
