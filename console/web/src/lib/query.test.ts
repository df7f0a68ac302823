import { describe, expect, it } from 'vitest';
import { filterParams, listOf, listParam, oneOf, readFilter, toggled } from './query';

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

describe('listOf', () => {
  const STATUSES = ['PENDING', 'RUNNING', 'WAITING', 'FAILED'] as const;

  it('reads a comma-separated list in the allowed order, each value once, ignoring case and spaces', () => {
    expect(listOf('failed, waiting,FAILED', STATUSES)).toEqual(['WAITING', 'FAILED']);
  });

  it('drops unknown values and reads nothing from an empty parameter', () => {
    expect(listOf('FAILED,SLEEPING,', STATUSES)).toEqual(['FAILED']);
    expect(listOf(undefined, STATUSES)).toEqual([]);
    expect(listOf('', STATUSES)).toEqual([]);
  });
});

describe('listParam', () => {
  it('joins a list with commas and leaves an empty one out', () => {
    expect(listParam(['RUNNING', 'WAITING'])).toBe('RUNNING,WAITING');
    expect(listParam([])).toBeUndefined();
    expect(listParam(undefined)).toBeUndefined();
  });

  it('round-trips with listOf', () => {
    expect(listOf(listParam(['RUNNING', 'FAILED']), ['RUNNING', 'FAILED'] as const)).toEqual(['RUNNING', 'FAILED']);
  });
});

describe('toggled', () => {
  const STATUSES = ['RUNNING', 'WAITING', 'FAILED'] as const;

  it('adds a value in the allowed order and takes it out again', () => {
    const added = toggled(['FAILED'], 'RUNNING', STATUSES);
    expect(added).toEqual(['RUNNING', 'FAILED']);
    expect(toggled(added, 'FAILED', STATUSES)).toEqual(['RUNNING']);
    expect(toggled(['RUNNING'], 'RUNNING', STATUSES)).toEqual([]);
  });
});
