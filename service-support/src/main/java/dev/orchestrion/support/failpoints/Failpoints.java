package dev.orchestrion.support.failpoints;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points where a test can make the process die (in the style of TiKV's fail-rs and FoundationDB's buggify):
 * {@code ORCHESTRION_FAILPOINTS=checkpoint.after-commit=3} halts the JVM, as a SIGKILL would (no shutdown hooks, no
 * flush), the third time the point is reached. Inert unless that variable is set: production never sets it, and an
 * unarmed {@link #hit} is one read of a final field. Each point names a moment where a crash must lose nothing
 * (docs/architecture.md, "What a crash costs").
 */
public final class Failpoints {

    /** The environment variable that arms points: {@code name=N[,name=N...]}. */
    public static final String VARIABLE = "ORCHESTRION_FAILPOINTS";
    /** The exit status of a process a failpoint stopped, as of one killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    private static final Failpoints ARMED = parse(System.getenv(VARIABLE));

    private final Map<String, AtomicInteger> remaining;

    private Failpoints(Map<String, AtomicInteger> remaining) {
        this.remaining = remaining;
    }

    /** Halts the process if {@code name} is armed and this is the hit it waits for; otherwise does nothing. */
    public static void hit(String name) {
        if (ARMED != null && ARMED.due(name)) {
            System.err.println("failpoint " + name + ": halting");
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    /** Whether this hit of {@code name} is the one it is armed for (counted down once per hit). */
    boolean due(String name) {
        AtomicInteger left = remaining.get(name);
        return left != null && left.decrementAndGet() == 0;
    }

    /** The points {@code spec} arms ({@code name=N,...}), or null when it arms none. */
    static Failpoints parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        Map<String, AtomicInteger> remaining = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] nameAndHit = part.trim().split("=", 2);
            int hit = nameAndHit.length == 2 ? Integer.parseInt(nameAndHit[1].trim()) : 1;
            if (hit < 1) {
                throw new IllegalArgumentException(VARIABLE + ": " + part + " must name a hit of 1 or more");
            }
            remaining.put(nameAndHit[0].trim(), new AtomicInteger(hit));
        }
        return new Failpoints(remaining);
    }
}
