import { describe, expect, it } from 'vitest';
import { httpTone, isTerminalRun, statusLabel, toneOf } from './status';

describe('status', () => {
  it('gives every run status its tone', () => {
    expect(toneOf('COMPLETED')).toBe('ok');
    expect(toneOf('FAILED')).toBe('bad');
    expect(toneOf('WAITING')).toBe('warn');
    expect(toneOf('RUNNING')).toBe('active');
    expect(toneOf('CANCELLED')).toBe('muted');
    expect(toneOf('PENDING')).toBe('neutral');
  });

  it('covers definitions, deliveries and dead letters, and is neutral for the unknown', () => {
    expect(toneOf('ACTIVE')).toBe('ok');
    expect(toneOf('PAUSED')).toBe('warn');
    expect(toneOf('FINALIZED')).toBe('muted');
    expect(toneOf('DEAD')).toBe('bad');
    expect(toneOf('replayed')).toBe('ok');
    expect(toneOf('SOMETHING_NEW')).toBe('neutral');
    expect(toneOf(undefined)).toBe('neutral');
  });

  it('labels statuses for people', () => {
    expect(statusLabel('WAITING')).toBe('Waiting');
    expect(statusLabel('MISSING_PROPERTY')).toBe('Missing property');
  });

  it('knows terminal run statuses', () => {
    expect(['COMPLETED', 'FAILED', 'CANCELLED'].every(isTerminalRun)).toBe(true);
    expect(['PENDING', 'RUNNING', 'WAITING'].some(isTerminalRun)).toBe(false);
  });

  it('colours receiver status codes', () => {
    expect(httpTone(204)).toBe('ok');
    expect(httpTone(404)).toBe('warn');
    expect(httpTone(503)).toBe('bad');
    expect(httpTone(undefined)).toBe('bad');
  });
});
