import { statusLabel, toneOf } from '../lib/status';

/** A status in its colour; data-status carries the raw value for tests and scripts. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`badge tone-${toneOf(status)}`} data-testid={testId} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
