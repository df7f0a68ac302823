package dev.orchestrion.runner.run.model;

import java.util.Map;

import dev.orchestrion.runner.model.Run;
import dev.orchestrion.runner.model.RunState;

/**
 * A run as its page shows it, read without its whole state: the run (its result and error as stored, masked), what
 * started it, the wait it is parked in, and whether a parent run passed it secrets.
 *
 * @param trigger what started the run as its state keeps it ({@code kind} and the trigger's data), unmasked
 * @param waiting the wait the run is parked in, or null
 * @param inheritsSecrets whether a parent run passed it redacted values
 */
public record RunDetails(Run run, Map<String, Object> trigger, RunState.Wait waiting, boolean inheritsSecrets) {
}
