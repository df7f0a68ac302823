// Differences of an entry to its public version. The service computes which fields differ (compare endpoint);
// the console shows a changed text word by word.

export interface EntryVersions {
  latestVersion: number;
  /** '' (or absent) while nothing is public */
  workflowPublicVersion?: number | string | null;
}

export type PublicComparison =
  | { kind: 'no-public-version' }
  | { kind: 'same' }
  | { kind: 'compare'; from: number; to: number };

/** What to compare: the public version against the latest one, when there is a public version that differs. */
export function publicComparison(internal: EntryVersions): PublicComparison {
  const pub = internal.workflowPublicVersion;
  const from = typeof pub === 'number' ? pub : typeof pub === 'string' && /^\d+$/.test(pub) ? Number(pub) : null;
  if (from === null) {
    return { kind: 'no-public-version' };
  }
  return from === internal.latestVersion ? { kind: 'same' } : { kind: 'compare', from, to: internal.latestVersion };
}

export interface Segment {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many word pairs the texts are shown as replaced as a whole (the table grows as n * m). */
const MAX_CELLS = 250_000;

/** A word-level diff of two texts (whitespace kept), as runs of same, removed and added text. */
export function wordDiff(before: string, after: string): Segment[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    return merge([
      ...(before ? [{ op: 'removed' as const, text: before }] : []),
      ...(after ? [{ op: 'added' as const, text: after }] : []),
    ]);
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const segments: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      segments.push({ op: 'same', text: a[i++] });
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      segments.push({ op: 'removed', text: a[i++] });
    } else {
      segments.push({ op: 'added', text: b[j++] });
    }
  }
  a.slice(i).forEach((text) => segments.push({ op: 'removed', text }));
  b.slice(j).forEach((text) => segments.push({ op: 'added', text }));
  return merge(segments);
}

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.op === s.op) {
      last.text += s.text;
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

/** A field value as text: strings as they are, anything else as JSON; absent as an empty text. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
