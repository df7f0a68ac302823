import { describe, expect, it } from 'vitest';
import { awaitedSignal, describeWait, triggerFacts, triggerSummary } from './overview';

describe('triggerFacts', () => {
  it('splits an event trigger into what names it and its data', () => {
    const trigger = { kind: 'event', eventType: 'parcel.sent', eventId: 'e1', caseId: 'c1', data: { parcel: 'P-77' } };
    const facts = triggerFacts(trigger);
    expect(facts.kind).toBe('event');
    expect(facts.naming).toEqual([['eventType', 'parcel.sent'], ['eventId', 'e1'], ['caseId', 'c1']]);
    expect(facts.data).toEqual({ data: { parcel: 'P-77' } });
    expect(facts.dataMasked).toBe(false);
    expect(triggerSummary(facts, trigger)).toBe('event parcel.sent');
  });

  it('tells when the runner masked the data as a whole', () => {
    const trigger = { kind: 'http', method: 'POST', requestPath: '***', path: '***', query: '***', body: '***' };
    const facts = triggerFacts(trigger);
    expect(facts.dataMasked).toBe(true);
    expect(Object.keys(facts.data ?? {})).toEqual(['requestPath', 'path', 'query', 'body']);
    // a masked request path is not shown as if it were the path
    expect(triggerSummary(facts, trigger)).toBe('http POST');
    expect(triggerSummary(facts, { ...trigger, requestPath: '/orders/7' })).toBe('http POST /orders/7');
  });

  it('has no data for an api run and falls back to the run\'s trigger kind', () => {
    expect(triggerFacts({ kind: 'api' })).toEqual({ kind: 'api', naming: [], data: null, dataMasked: false });
    expect(triggerFacts(undefined, 'schedule').kind).toBe('schedule');
    expect(triggerFacts({}).kind).toBe('unknown');
  });

  it('summarizes a schedule with its tick and a missed one', () => {
    const trigger = { kind: 'schedule', tick: '2026-12-06T10:00:00Z', missed: true };
    expect(triggerSummary(triggerFacts(trigger), trigger)).toBe('schedule tick 2026-12-06T10:00:00Z (missed tick)');
    expect(triggerFacts(trigger).data).toBeNull();
  });
});

describe('describeWait', () => {
  it('names the signal a waitForEvent node waits for', () => {
    const wait = { kind: 'SIGNAL', nodeId: 'wait', signal: 'approved', attempt: 1 };
    expect(describeWait(wait)).toBe('waits for the signal “approved” at wait');
    expect(awaitedSignal(wait)).toBe('approved');
  });

  it('offers no signal for other waits', () => {
    expect(awaitedSignal({ kind: 'TIMER', nodeId: 'pause' })).toBe('');
    expect(awaitedSignal(undefined)).toBe('');
    expect(describeWait({ kind: 'RETRY', nodeId: 'call', attempt: 2 })).toBe('waits to retry at call after attempt 2 failed');
    expect(describeWait({ kind: 'CHILD', nodeId: 'sub' })).toBe('waits for its child run at sub');
  });
});
