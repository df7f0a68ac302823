// Live updates: the /events stream says that a run changed; pages decide whether that could change what they show
// and then ask the service again (coalesced, so a burst of events is one reload, not one per event).

/** One server-sent run event (console contract: event "run"). */
export interface RunEvent {
  type: string;
  runId?: string;
  definitionId?: string;
  version?: number;
  caseId?: string;
  status?: string;
  nodeId?: string;
  occurredAt?: string;
}

/**
 * Whether a run event could change a runs list with these filters. Only what the event carries can rule it out;
 * a status filter cannot (the event may move a run into or out of that status).
 */
export function affectsRunList(event: RunEvent, filter: { definitionId?: string; caseId?: string; version?: string }): boolean {
  const differs = (wanted: string | undefined, actual: string | number | undefined) =>
    wanted !== undefined && actual !== undefined && String(actual) !== wanted;
  return !differs(filter.definitionId, event.definitionId) && !differs(filter.caseId, event.caseId)
    && !differs(filter.version, event.version);
}

export interface Coalescer {
  /** ask for a reload: it runs at most once per interval, at the end of a burst too */
  request(): void;
  cancel(): void;
}

/** Runs `action` at most once per `intervalMs` however often it is requested, and never drops the last request. */
export function coalesce(action: () => void, intervalMs: number): Coalescer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = Number.NEGATIVE_INFINITY;
  const fire = () => {
    timer = null;
    lastRun = Date.now();
    action();
  };
  return {
    request() {
      if (timer !== null) {
        return;
      }
      const wait = Math.max(0, lastRun + intervalMs - Date.now());
      timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    },
  };
}
