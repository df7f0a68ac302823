/** One page of a list as the console shows it: page from 0 (the runner, definition and case APIs' shape). */
export interface Paged<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** A page in the content service's shape (seed 004): pages from 1, totals with underscores. */
export interface ContentPage<T> {
  total_count: number;
  total_pages: number;
  current_page: number;
  count: number;
  data: T[];
}

export function fromContentPage<T>(page: ContentPage<T>, limit: number): Paged<T> {
  return { items: page.data, page: Math.max(0, page.current_page - 1), size: limit, total: page.total_count };
}

export function pageCount(total: number, size: number): number {
  return size > 0 ? Math.max(1, Math.ceil(total / size)) : 1;
}

/** "21–40 of 153": the 1-based positions shown on a page, or null when it is empty. */
export function shownRange(page: number, size: number, total: number, shown: number): { first: number; last: number } | null {
  if (shown === 0) {
    return null;
  }
  const first = page * size + 1;
  return { first, last: Math.min(first + shown - 1, Math.max(total, first + shown - 1)) };
}

/** A page number read from a URL parameter: a non-negative integer, else 0. */
export function pageParam(value: string | null): number {
  if (value === null || !/^\d+$/.test(value)) {
    return 0;
  }
  return Math.min(Number(value), 1_000_000);
}
