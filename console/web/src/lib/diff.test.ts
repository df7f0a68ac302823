import { describe, expect, it } from 'vitest';
import { publicComparison, valueText, wordDiff } from './diff';

describe('publicComparison', () => {
  it('compares the public version with the latest', () => {
    expect(publicComparison({ latestVersion: 5, workflowPublicVersion: 3 })).toEqual({ kind: 'compare', from: 3, to: 5 });
  });

  it('says when nothing is public yet', () => {
    expect(publicComparison({ latestVersion: 2, workflowPublicVersion: '' })).toEqual({ kind: 'no-public-version' });
    expect(publicComparison({ latestVersion: 2 })).toEqual({ kind: 'no-public-version' });
  });

  it('says when the latest version is the public one', () => {
    expect(publicComparison({ latestVersion: 4, workflowPublicVersion: 4 })).toEqual({ kind: 'same' });
  });
});

describe('wordDiff', () => {
  it('marks replaced words', () => {
    expect(wordDiff('the quick brown fox', 'the slow brown fox')).toEqual([
      { op: 'same', text: 'the ' },
      { op: 'removed', text: 'quick' },
      { op: 'added', text: 'slow' },
      { op: 'same', text: ' brown fox' },
    ]);
  });

  it('handles additions at the end and empty texts', () => {
    expect(wordDiff('hello', 'hello world')).toEqual([
      { op: 'same', text: 'hello' },
      { op: 'added', text: ' world' },
    ]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'added', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'removed', text: 'old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('rebuilds both texts from its segments', () => {
    const before = 'Orchestrion runs workflows for cases, with retries and webhooks.';
    const after = 'Orchestrion runs many workflows for cases and content, with retries.';
    const segments = wordDiff(before, after);
    expect(segments.filter((s) => s.op !== 'added').map((s) => s.text).join('')).toBe(before);
    expect(segments.filter((s) => s.op !== 'removed').map((s) => s.text).join('')).toBe(after);
  });

  it('replaces very long texts as a whole instead of building a huge table', () => {
    const before = Array.from({ length: 1000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 1000 }, (_, i) => `b${i}`).join(' ');
    expect(wordDiff(before, after)).toEqual([{ op: 'removed', text: before }, { op: 'added', text: after }]);
  });
});

describe('valueText', () => {
  it('shows strings as they are and other values as JSON', () => {
    expect(valueText('x')).toBe('x');
    expect(valueText(null)).toBe('');
    expect(valueText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
