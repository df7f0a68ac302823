// How statuses look: one tone per status, used by badges, graph nodes and counts alike.

export type Tone = 'ok' | 'bad' | 'warn' | 'active' | 'muted' | 'neutral';

const TONES: Record<string, Tone> = {
  // runs and steps
  PENDING: 'neutral',
  RUNNING: 'active',
  WAITING: 'warn',
  COMPLETED: 'ok',
  FAILED: 'bad',
  CANCELLED: 'muted',
  // definitions
  DRAFT: 'neutral',
  ACTIVE: 'ok',
  PAUSED: 'warn',
  FINALIZED: 'muted',
  // webhook deliveries
  SUCCEEDED: 'ok',
  DEAD: 'bad',
  // dead letters
  REPLAYED: 'ok',
};

/** The tone of any status the console shows; unknown ones are neutral. */
export function toneOf(status: string | null | undefined): Tone {
  return (status && TONES[status.toUpperCase()]) || 'neutral';
}

/** A status as people read it: "WAITING" -> "Waiting". */
export function statusLabel(status: string): string {
  const lower = status.toLowerCase().replace(/_/g, ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function isTerminalRun(status: string): boolean {
  return status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';
}

/** A receiver's HTTP status code as a tone: 2xx ok, none (unreachable) or 5xx bad, others a warning. */
export function httpTone(statusCode: number | null | undefined): Tone {
  if (statusCode === null || statusCode === undefined) {
    return 'bad';
  }
  if (statusCode >= 200 && statusCode < 300) {
    return 'ok';
  }
  return statusCode >= 500 ? 'bad' : 'warn';
}
