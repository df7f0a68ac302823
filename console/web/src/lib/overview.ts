// A run's overview (GET /workflows/{id}/overview) as its page shows it: what started the run and what it waits for.
import { MASK } from './masking';

/** The keys of a trigger that name it; every other key carries its data (runner: RunQueryService.TRIGGER_NAMING). */
const TRIGGER_NAMING = ['kind', 'eventType', 'eventId', 'caseId', 'source', 'occurredAt', 'method', 'tick', 'missed',
  'parentRunId', 'parentNodeId'] as const;

export interface TriggerFacts {
  /** api, event, schedule, http, subWorkflow (or what the runner names) */
  kind: string;
  /** what names it, in a fixed order, without kind: eventType, eventId, tick, ... */
  naming: [string, unknown][];
  /** its data (data, body, query, path, requestPath), or null when it carries none */
  data: Record<string, unknown> | null;
  /** the runner masked all of its data: the run holds redacted values */
  dataMasked: boolean;
}

/** Splits the overview's trigger into what names it and the data it carried. */
export function triggerFacts(trigger: Record<string, unknown> | null | undefined, runTrigger?: string): TriggerFacts {
  const t = trigger ?? {};
  const naming = TRIGGER_NAMING.filter((key) => key !== 'kind' && t[key] !== undefined && t[key] !== null)
    .map((key): [string, unknown] => [key, t[key]]);
  const dataEntries = Object.entries(t).filter(([key]) => !(TRIGGER_NAMING as readonly string[]).includes(key));
  const kind = typeof t.kind === 'string' && t.kind ? t.kind : runTrigger || 'unknown';
  return {
    kind,
    naming,
    data: dataEntries.length > 0 ? Object.fromEntries(dataEntries) : null,
    dataMasked: dataEntries.length > 0 && dataEntries.every(([, value]) => value === MASK),
  };
}

/** One line for what started a run: "event parcel.sent", "schedule tick 2026-...", "http POST /orders", "api". */
export function triggerSummary(facts: TriggerFacts, trigger: Record<string, unknown> | null | undefined): string {
  const t = trigger ?? {};
  const text = (key: string) => (typeof t[key] === 'string' && t[key] !== MASK ? (t[key] as string) : '');
  switch (facts.kind) {
    case 'event':
      return ['event', text('eventType')].filter(Boolean).join(' ');
    case 'schedule':
      return ['schedule', text('tick') && `tick ${text('tick')}`, t.missed === true ? '(missed tick)' : ''].filter(Boolean).join(' ');
    case 'http':
      return ['http', text('method'), text('requestPath')].filter(Boolean).join(' ');
    default:
      return facts.kind;
  }
}

/** The wait a run is parked in, as the overview answers it. */
export interface WaitInfo {
  kind: string;
  nodeId?: string;
  attempt?: number;
  since?: string;
  until?: string;
  signal?: string;
  childRunId?: string;
}

/** What a waiting run waits for, in words (times and the child run's link are shown next to it). */
export function describeWait(wait: WaitInfo): string {
  const at = wait.nodeId ? ` at ${wait.nodeId}` : '';
  switch (wait.kind) {
    case 'SIGNAL':
      return wait.signal ? `waits for the signal “${wait.signal}”${at}` : `waits for a signal${at}`;
    case 'TIMER':
      return `waits for a timer${at}`;
    case 'CHILD':
      return `waits for its child run${at}`;
    case 'CALL':
      return `waits for a call to answer${at}`;
    case 'RETRY':
      return `waits to retry${at}${wait.attempt ? ` after attempt ${wait.attempt} failed` : ''}`;
    default:
      return `waits (${wait.kind})${at}`;
  }
}

/** The signal to offer when sending one: the one a waitForEvent node waits for, else none. */
export function awaitedSignal(wait: WaitInfo | null | undefined): string {
  return wait?.kind === 'SIGNAL' && wait.signal ? wait.signal : '';
}
