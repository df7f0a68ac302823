// The runner masks redacted values as "***" (whole values, or the secret inside a longer text) and replaces values
// larger than its step-value limit by {"truncated": true, "size": n}. The console shows both for what they are.

export const MASK = '***';

export type ValueKind =
  | { kind: 'masked' }
  | { kind: 'partly-masked' }
  | { kind: 'truncated'; size: number }
  | { kind: 'plain' };

export function classify(value: unknown): ValueKind {
  if (value === MASK) {
    return { kind: 'masked' };
  }
  if (typeof value === 'string' && value.includes(MASK)) {
    return { kind: 'partly-masked' };
  }
  if (isTruncated(value)) {
    return { kind: 'truncated', size: value.size };
  }
  return { kind: 'plain' };
}

function isTruncated(value: unknown): value is { truncated: true; size: number } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return record.truncated === true && typeof record.size === 'number' && Object.keys(record).length === 2;
}

/** The paths (a.b[0].c) of the masked values in a JSON value, in document order. */
export function maskedPaths(value: unknown, path = ''): string[] {
  const kind = classify(value).kind;
  if (kind === 'masked' || kind === 'partly-masked') {
    return [path];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => maskedPaths(item, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object' && kind === 'plain') {
    return Object.entries(value).flatMap(([key, item]) => maskedPaths(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Splits a partly masked text into its plain and masked parts, for showing the masks distinctly. */
export function maskedParts(text: string): { text: string; masked: boolean }[] {
  const parts: { text: string; masked: boolean }[] = [];
  text.split(MASK).forEach((plain, i) => {
    if (i > 0) {
      parts.push({ text: MASK, masked: true });
    }
    if (plain) {
      parts.push({ text: plain, masked: false });
    }
  });
  return parts;
}
