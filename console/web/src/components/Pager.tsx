import { pageCount, shownRange } from '../lib/paging';

interface Props {
  page: number;
  size: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
}

/** "21–40 of 153" with previous and next; every list in the console pages on the server. */
export function Pager({ page, size, total, shown, onPage }: Props) {
  const range = shownRange(page, size, total, shown);
  const pages = pageCount(total, size);
  return (
    <nav className="pager" aria-label="Pages" data-testid="pager">
      <span className="muted">{range ? `${range.first}–${range.last} of ${total}` : 'Nothing to show'}</span>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 0} data-testid="pager-prev">
        ‹ Previous
      </button>
      <span className="muted">
        Page {page + 1} of {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page + 1 >= pages} data-testid="pager-next">
        Next ›
      </button>
    </nav>
  );
}
