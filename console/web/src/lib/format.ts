// Times and durations as people read them.

/** 850 ms, 1.2 s, 2 min 5 s, 3 h 4 min, 2 d 3 h. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) {
    return '';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    const seconds = ms / 1000;
    return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  }
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (hours > 0) {
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** Milliseconds from start to end (or to now while it has not ended); null without a start. */
export function elapsed(start: string | null | undefined, end: string | null | undefined, now: number = Date.now()): number | null {
  if (!start) {
    return null;
  }
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.max(0, to - from);
}

/** 2026-12-06 08:03:12 in the given time zone (the browser's by default). */
export function formatInstant(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** A short form of an id for lists and links: the first block of a UUID, the first two of a time-ordered one. */
export function shortId(id: string | null | undefined): string {
  if (!id) {
    return '';
  }
  // A time-ordered UUID (version 7: runs, cases, steps) starts with its creation time: the first block is the same
  // for everything made within a minute, the first two blocks are the millisecond. Those two tell runs apart, sort
  // by time, and, being the id's start, find the run in the runs search.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) {
    return id.slice(0, 13);
  }
  return id.split('-')[0];
}

/** A <input type="datetime-local"> value (local time) as an ISO-8601 instant, or undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO-8601 instant as a <input type="datetime-local"> value in local time. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
