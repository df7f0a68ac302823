import { describe, expect, it } from 'vitest';
import { caseName } from './cases';

describe('caseName', () => {
  it('prefers the person, then the company', () => {
    expect(caseName({ firstName: 'Ada', lastName: 'Lovelace', companyName: 'Engines Ltd' })).toBe('Ada Lovelace');
    expect(caseName({ lastName: 'Lovelace' })).toBe('Lovelace');
    expect(caseName({ companyName: 'Engines Ltd', firstName: ' ' })).toBe('Engines Ltd');
  });

  it('is empty for an erased or nameless case', () => {
    expect(caseName({})).toBe('');
    expect(caseName({ firstName: null, companyName: null })).toBe('');
  });
});
