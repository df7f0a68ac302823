import { Link, useSearchParams } from 'react-router';
import { inbox } from '../api/content';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { useAsync } from '../hooks/useAsync';
import { useMe } from '../hooks/useAuth';
import { entryTitle } from '../lib/entry';
import { formatInstant } from '../lib/format';
import { changesText, chosenInbox, INBOX_ROLES, inboxRoles } from '../lib/inbox';
import { pageParam } from '../lib/paging';

const PAGE_SIZE = 25;

/**
 * Entries waiting for a content role's action across content types (content-workflow-service's inbox): an approver's
 * entries awaiting approval, an editor's drafts to submit, submissions to revoke and declined entries to resubmit.
 */
export function InboxPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const available = inboxRoles(me.roles);
  const role = chosenInbox(params.get('role'), available);
  const page = pageParam(params.get('page'));
  // an editor's own drafts and submissions; the whole team's with "mine=0"
  const mine = role === 'content-editor' && params.get('mine') !== '0';
  const entries = useAsync(
    () => (role ? inbox({ role: [role], mine }, page, PAGE_SIZE) : Promise.resolve(null)),
    [role, page, mine],
  );
  // switching tabs lands on an editor's own entries again; paging and the box keep the choice
  const show = (r: string, p = 0, m = r === role ? mine : true) =>
    setParams({ role: r, ...(p ? { page: String(p) } : {}), ...(r === 'content-editor' && !m ? { mine: '0' } : {}) });

  return (
    <section>
      <h1>Content inbox</h1>
      <nav className="tabs">
        {INBOX_ROLES.filter((i) => available.includes(i.role)).map((i) => (
          <button
            key={i.role}
            type="button"
            className={role === i.role ? 'selected' : ''}
            onClick={() => show(i.role)}
            data-testid={`inbox-${i.role}`}
            title={`What waits for ${i.role}`}
          >
            {i.label}
          </button>
        ))}
      </nav>
      {role === 'content-editor' && (
        <label className="inline" data-testid="inbox-mine">
          <input type="checkbox" checked={mine} onChange={(e) => show(role, 0, e.target.checked)} /> Only mine
        </label>
      )}
      {!role && <p className="empty">None of your roles keeps a content inbox.</p>}
      <ProblemView error={entries.error} />
      {entries.data && entries.data.items.length === 0 && <p className="empty">Nothing is waiting.</p>}
      {entries.data && entries.data.items.length > 0 && (
        <table className="table" data-testid="inbox-table">
          <thead>
            <tr><th>Entry</th><th>Content type</th><th>State</th><th>Version</th><th>Author</th><th>Updated</th><th>Waiting for</th><th>Changed since public</th></tr>
          </thead>
          <tbody>
            {entries.data.items.map(({ entry: e, awaiting, changedFields }) => (
              <tr key={`${e.internal.contentType}/${e.id}`} data-testid="inbox-row" data-entry-id={e.id} data-state={e.internal.workflowState}>
                <td><Link to={`/content/${encodeURIComponent(e.internal.contentType)}/${encodeURIComponent(e.id)}`}>{entryTitle(e)}</Link></td>
                <td>{e.internal.contentType}</td>
                <td><span className="badge">{e.internal.workflowState}</span></td>
                <td>{e.sys.versionNo}</td>
                <td data-testid="inbox-author">{e.internal.createdBy ?? ''}</td>
                <td>{formatInstant(e.internal.updatedAt)}</td>
                <td>
                  {awaiting.map((a) => (
                    <span
                      key={a.event}
                      className={`tag ${a.invokableNow ? '' : 'muted'}`}
                      data-testid="inbox-awaiting"
                      data-event={a.event}
                      data-invokable={a.invokableNow}
                      title={a.invokableNow ? `You can ${a.name.toLowerCase()} now${a.to ? ` (to ${a.to})` : ''}` : `Not possible for you now (${a.roles.join(', ')})`}
                    >
                      {a.name}
                    </span>
                  ))}
                </td>
                <td className={changedFields ? undefined : 'muted'} data-testid="inbox-changes">{changesText(changedFields)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && role && (
        <Pager page={page} size={PAGE_SIZE} total={entries.data.total} shown={entries.data.items.length} onPage={(p) => show(role, p)} />
      )}
    </section>
  );
}
