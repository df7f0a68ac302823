import { describe, expect, it } from 'vitest';
import { elapsed, formatDuration, formatInstant, isoToLocalInput, localInputToIso, shortId } from './format';

describe('formatDuration', () => {
  it('picks a unit people read', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3 * 3600_000 + 4 * 60_000)).toBe('3 h 4 min');
    expect(formatDuration(2 * 86_400_000 + 3 * 3600_000)).toBe('2 d 3 h');
  });

  it('is empty for what is not a duration', () => {
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(-5)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });
});

describe('elapsed', () => {
  it('measures from start to end, or to now', () => {
    expect(elapsed('2026-01-01T00:00:00Z', '2026-01-01T00:00:02.5Z')).toBe(2500);
    expect(elapsed('2026-01-01T00:00:00Z', undefined, Date.parse('2026-01-01T00:01:00Z'))).toBe(60_000);
    expect(elapsed(undefined, undefined)).toBeNull();
  });
});

describe('formatInstant', () => {
  it('formats in the given zone', () => {
    expect(formatInstant('2026-12-06T08:03:12Z', 'UTC')).toBe('2026-12-06 08:03:12');
    expect(formatInstant('2026-12-06T08:03:12Z', 'Europe/Stockholm')).toBe('2026-12-06 09:03:12');
  });

  it('passes through what it cannot read', () => {
    expect(formatInstant('not a date')).toBe('not a date');
    expect(formatInstant(undefined)).toBe('');
  });
});

describe('datetime-local inputs', () => {
  it('round-trips a local time through an instant', () => {
    const iso = localInputToIso('2026-03-01T09:30');
    expect(iso).toMatch(/^2026-0[23]-\d\dT\d\d:30:00\.000Z$/);
    expect(isoToLocalInput(iso)).toBe('2026-03-01T09:30');
  });

  it('is empty for empty or bad values', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('nonsense')).toBeUndefined();
    expect(isoToLocalInput(undefined)).toBe('');
  });
});

describe('shortId', () => {
  it('keeps the first block of a UUID', () => {
    expect(shortId('6f1c2b7e-8d3a-4c0e-9b1a-2f4d5e6a7b8c')).toBe('6f1c2b7e');
  });
  it('keeps the millisecond of a time-ordered UUID, whose first block is the same for ids made in the same minute', () => {
    expect(shortId('01a24b61-676a-75a6-a457-752721d640b4')).toBe('01a24b61-676a');
    expect(shortId('01a24b61-5afe-79b1-a1d9-e34fe6bcf3dd')).toBe('01a24b61-5afe');
  });
});
