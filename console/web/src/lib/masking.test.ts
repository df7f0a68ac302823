import { describe, expect, it } from 'vitest';
import { classify, maskedParts, maskedPaths } from './masking';

describe('classify', () => {
  it('recognises masked, partly masked and truncated values', () => {
    expect(classify('***')).toEqual({ kind: 'masked' });
    expect(classify('Bearer ***')).toEqual({ kind: 'partly-masked' });
    expect(classify({ truncated: true, size: 20480 })).toEqual({ kind: 'truncated', size: 20480 });
  });

  it('leaves ordinary values alone', () => {
    expect(classify('hello')).toEqual({ kind: 'plain' });
    expect(classify(42)).toEqual({ kind: 'plain' });
    expect(classify(null)).toEqual({ kind: 'plain' });
    expect(classify({ truncated: true, size: 3, other: 1 })).toEqual({ kind: 'plain' });
    expect(classify({ truncated: 'yes', size: 3 })).toEqual({ kind: 'plain' });
  });
});

describe('maskedPaths', () => {
  it('finds masked values in nested objects and arrays', () => {
    const value = { apiKey: '***', headers: { authorization: '***', accept: 'json' }, notes: ['ok', 'pin *** used'] };
    expect(maskedPaths(value)).toEqual(['apiKey', 'headers.authorization', 'notes[1]']);
  });

  it('does not look inside a truncation marker', () => {
    expect(maskedPaths({ body: { truncated: true, size: 99999 } })).toEqual([]);
  });
});

describe('maskedParts', () => {
  it('splits a text around its masks', () => {
    expect(maskedParts('token *** and ***')).toEqual([
      { text: 'token ', masked: false },
      { text: '***', masked: true },
      { text: ' and ', masked: false },
      { text: '***', masked: true },
    ]);
  });
});
