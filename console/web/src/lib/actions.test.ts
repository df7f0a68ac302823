import { describe, expect, it } from 'vitest';
import { lifecycleActions, runActions } from './actions';

describe('runActions', () => {
  it('offers cancel and signal on a waiting run to an operator, not retry', () => {
    expect(runActions('WAITING', ['operator'])).toEqual({ cancel: true, retry: false, signal: true });
  });

  it('offers only retry on a failed run', () => {
    expect(runActions('FAILED', ['operator'])).toEqual({ cancel: false, retry: true, signal: false });
  });

  it('offers nothing on a completed run', () => {
    expect(runActions('COMPLETED', ['admin'])).toEqual({ cancel: false, retry: false, signal: false });
  });

  it('offers nothing to roles that may only look', () => {
    expect(runActions('FAILED', ['designer'])).toEqual({ cancel: false, retry: false, signal: false });
    expect(runActions('RUNNING', [])).toEqual({ cancel: false, retry: false, signal: false });
  });

  it('lets the service role signal but not cancel', () => {
    expect(runActions('RUNNING', ['service'])).toEqual({ cancel: false, retry: false, signal: true });
  });
});

describe('lifecycleActions', () => {
  const operator = ['operator'];

  it('follows the lifecycle', () => {
    expect(lifecycleActions('DRAFT', false, operator)).toEqual(['start']);
    expect(lifecycleActions('ACTIVE', false, operator)).toEqual(['pause', 'finalize']);
    expect(lifecycleActions('PAUSED', false, operator)).toEqual(['resume', 'finalize']);
    expect(lifecycleActions('FINALIZED', false, operator)).toEqual([]);
  });

  it('offers publish for a pending revision', () => {
    expect(lifecycleActions('ACTIVE', true, operator)).toEqual(['publish', 'pause', 'finalize']);
    expect(lifecycleActions('PAUSED', true, operator)).toEqual(['publish', 'resume', 'finalize']);
  });

  it('offers nothing to a designer', () => {
    expect(lifecycleActions('DRAFT', false, ['designer'])).toEqual([]);
  });
});
