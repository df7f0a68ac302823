import { describe, expect, it } from 'vitest';
import { buildQuery, seg } from './url';

describe('buildQuery', () => {
  it('leaves out unset values and repeats arrays', () => {
    expect(buildQuery({ q: 'onboarding', status: ['ACTIVE', 'PAUSED'], tag: '', folderId: undefined, x: null }))
      .toBe('?q=onboarding&status=ACTIVE&status=PAUSED');
  });

  it('keeps zero and false', () => {
    expect(buildQuery({ page: 0, includeSubfolders: false })).toBe('?page=0&includeSubfolders=false');
  });

  it('is empty without values', () => {
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({ status: [] })).toBe('');
  });

  it('encodes what it sends', () => {
    expect(buildQuery({ email: 'ada+1@example.org', from: '2026-01-01T00:00:00Z' }))
      .toBe('?email=ada%2B1%40example.org&from=2026-01-01T00%3A00%3A00Z');
  });
});

describe('seg', () => {
  it('encodes path segments', () => {
    expect(seg('a/b c')).toBe('a%2Fb%20c');
    expect(seg(3)).toBe('3');
  });
});
