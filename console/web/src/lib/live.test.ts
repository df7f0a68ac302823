import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { affectsRunList, coalesce } from './live';

describe('affectsRunList', () => {
  it('ignores events of other definitions when the list shows one', () => {
    expect(affectsRunList({ type: 'run.completed', definitionId: 'a' }, { definitionId: 'b' })).toBe(false);
    expect(affectsRunList({ type: 'run.completed', definitionId: 'b' }, { definitionId: 'b' })).toBe(true);
  });

  it('ignores events of other cases and other versions', () => {
    expect(affectsRunList({ type: 'run.failed', caseId: 'c1' }, { caseId: 'c2' })).toBe(false);
    expect(affectsRunList({ type: 'run.failed', caseId: 'c2', definitionId: 'a' }, { caseId: 'c2' })).toBe(true);
    expect(affectsRunList({ type: 'run.failed', definitionId: 'a', version: 2 }, { definitionId: 'a', version: '3' })).toBe(false);
    expect(affectsRunList({ type: 'run.failed', definitionId: 'a', version: 3 }, { definitionId: 'a', version: '3' })).toBe(true);
  });

  it('reloads when it cannot tell', () => {
    expect(affectsRunList({ type: 'run.started', definitionId: 'a' }, {})).toBe(true);
    expect(affectsRunList({ type: 'run.started' }, { definitionId: 'b' })).toBe(true);
  });
});

describe('coalesce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst into one action, then allows the next one after the interval', () => {
    const action = vi.fn();
    const reload = coalesce(action, 1000);
    reload.request();
    reload.request();
    reload.request();
    vi.advanceTimersByTime(0);
    expect(action).toHaveBeenCalledTimes(1);
    reload.request();
    vi.advanceTimersByTime(500);
    expect(action).toHaveBeenCalledTimes(1);
    reload.request();
    vi.advanceTimersByTime(500);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('does nothing once cancelled', () => {
    const action = vi.fn();
    const reload = coalesce(action, 1000);
    reload.request();
    reload.cancel();
    vi.advanceTimersByTime(5000);
    expect(action).not.toHaveBeenCalled();
  });
});
