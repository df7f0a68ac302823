// Which actions a page offers: what the object's state allows AND what the user's roles allow.
import { can } from './roles';
import { isTerminalRun } from './status';
import type { LifecycleAction } from '../api/definitions';

export interface RunActions {
  cancel: boolean;
  retry: boolean;
  signal: boolean;
}

/** Cancel and signal while the run has not ended (a signal may arrive early); retry a FAILED run. */
export function runActions(status: string, roles: readonly string[]): RunActions {
  const open = !isTerminalRun(status);
  return {
    cancel: open && can(roles, 'runs.cancel'),
    retry: status === 'FAILED' && can(roles, 'runs.retry'),
    signal: open && can(roles, 'runs.signal'),
  };
}

/** The lifecycle: DRAFT -> ACTIVE <-> PAUSED -> FINALIZED; publish a pending revision of an ACTIVE or PAUSED one. */
export function lifecycleActions(status: string, pendingRevision: boolean, roles: readonly string[]): LifecycleAction[] {
  if (!can(roles, 'definitions.lifecycle')) {
    return [];
  }
  switch (status) {
    case 'DRAFT':
      return ['start'];
    case 'ACTIVE':
      return [...(pendingRevision ? (['publish'] as const) : []), 'pause', 'finalize'];
    case 'PAUSED':
      return [...(pendingRevision ? (['publish'] as const) : []), 'resume', 'finalize'];
    default:
      return [];
  }
}
