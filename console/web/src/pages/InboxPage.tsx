import { Link, useSearchParams } from 'react-router';
import { inbox, type InboxView } from '../api/content';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';
import { entryTitle } from '../lib/entry';
import { formatInstant } from '../lib/format';
import { pageParam } from '../lib/paging';

const PAGE_SIZE = 25;

/** Entries waiting for the signed-in user's action across content types, and their own drafts and submissions. */
export function InboxPage() {
  const allowed = useCan();
  const [params, setParams] = useSearchParams();
  const view: InboxView = params.get('view') === 'mine' ? 'mine' : 'awaiting';
  const page = pageParam(params.get('page'));
  const entries = useAsync(() => inbox(view, page, PAGE_SIZE), [view, page]);
  const show = (v: InboxView, p = 0) => setParams({ ...(v === 'mine' ? { view: v } : {}), ...(p ? { page: String(p) } : {}) });

  return (
    <section>
      <h1>Content inbox</h1>
      <nav className="tabs">
        <button type="button" className={view === 'awaiting' ? 'selected' : ''} onClick={() => show('awaiting')} data-testid="inbox-awaiting">
          Awaiting my action
        </button>
        {allowed('content.act') && (
          <button type="button" className={view === 'mine' ? 'selected' : ''} onClick={() => show('mine')} data-testid="inbox-mine">
            My drafts and submissions
          </button>
        )}
      </nav>
      <ProblemView error={entries.error} />
      {entries.data && entries.data.items.length === 0 && (
        <p className="empty">{view === 'awaiting' ? 'Nothing is waiting for you.' : 'You have no drafts or submissions.'}</p>
      )}
      {entries.data && entries.data.items.length > 0 && (
        <table className="table" data-testid="inbox-table">
          <thead>
            <tr><th>Entry</th><th>Content type</th><th>State</th><th>Version</th><th>Updated</th><th>You can</th></tr>
          </thead>
          <tbody>
            {entries.data.items.map((e) => (
              <tr key={`${e.internal.contentType}/${e.id}`} data-testid="inbox-row" data-entry-id={e.id} data-state={e.internal.workflowState}>
                <td><Link to={`/content/${encodeURIComponent(e.internal.contentType)}/${encodeURIComponent(e.id)}`}>{entryTitle(e)}</Link></td>
                <td>{e.internal.contentType}</td>
                <td><span className="badge">{e.internal.workflowState}</span></td>
                <td>{e.sys.versionNo}</td>
                <td>{formatInstant(e.internal.updatedAt)}{e.internal.updatedBy && <span className="muted"> by {e.internal.updatedBy}</span>}</td>
                <td>{(e.sys.availableEvents ?? []).map((ev) => <span key={ev} className="tag">{ev.split('.').pop()}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && (
        <Pager page={page} size={PAGE_SIZE} total={entries.data.total} shown={entries.data.items.length} onPage={(p) => show(view, p)} />
      )}
    </section>
  );
}
