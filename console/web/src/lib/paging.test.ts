import { describe, expect, it } from 'vitest';
import { fromContentPage, pageCount, pageParam, shownRange } from './paging';

describe('paging', () => {
  it('turns the content service page (from 1) into one from 0', () => {
    expect(fromContentPage({ total_count: 45, total_pages: 3, current_page: 2, count: 20, data: ['a'] }, 20))
      .toEqual({ items: ['a'], page: 1, size: 20, total: 45 });
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it('says which positions a page shows', () => {
    expect(shownRange(1, 20, 153, 20)).toEqual({ first: 21, last: 40 });
    expect(shownRange(7, 20, 153, 13)).toEqual({ first: 141, last: 153 });
    expect(shownRange(0, 20, 0, 0)).toBeNull();
  });

  it('reads a page parameter defensively', () => {
    expect(pageParam('3')).toBe(3);
    expect(pageParam(null)).toBe(0);
    expect(pageParam('-1')).toBe(0);
    expect(pageParam('abc')).toBe(0);
    expect(pageParam('1.5')).toBe(0);
  });
});
