import { describe, expect, it } from 'vitest';
import { filterParams, oneOf, readFilter } from './query';

describe('readFilter', () => {
  it('reads the known keys, trimmed, without the empty ones', () => {
    const params = new URLSearchParams('status=FAILED&q=%20kyc%20&caseId=&other=x');
    expect(readFilter(params, ['status', 'q', 'caseId', 'definitionId'])).toEqual({ status: 'FAILED', q: 'kyc' });
  });
});

describe('filterParams', () => {
  it('writes set values and the page', () => {
    expect(filterParams({ status: 'FAILED', q: ' ', definitionId: undefined }, 2).toString()).toBe('status=FAILED&page=2');
  });

  it('repeats arrays and leaves out page 0', () => {
    expect(filterParams({ status: ['ACTIVE', 'PAUSED'] }).toString()).toBe('status=ACTIVE&status=PAUSED');
  });

  it('round-trips with readFilter', () => {
    const filter = { definitionId: 'd1', from: '2026-01-01T00:00:00.000Z' };
    expect(readFilter(filterParams(filter), ['definitionId', 'from'])).toEqual(filter);
  });
});

describe('oneOf', () => {
  it('accepts allowed values in any case and refuses others', () => {
    expect(oneOf('failed', ['FAILED', 'COMPLETED'] as const)).toBe('FAILED');
    expect(oneOf('DROP TABLE', ['FAILED'] as const)).toBeUndefined();
    expect(oneOf(undefined, ['FAILED'] as const)).toBeUndefined();
  });
});
