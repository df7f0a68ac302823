import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  DEFINITION_STATUSES, folders as fetchFolders, importCn, searchDefinitions,
  type DefinitionFilter, type ImportResult,
} from '../api/definitions';
import { Pager } from '../components/Pager';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';
import { folderTree } from '../lib/folders';
import { formatInstant } from '../lib/format';
import { pageParam } from '../lib/paging';
import { filterParams, oneOf, readFilter } from '../lib/query';
import { statusLabel } from '../lib/status';

const PAGE_SIZE = 25;
const TRIGGER_KINDS = ['api', 'event', 'schedule', 'http'] as const;
const SORTS = [
  { value: '-updated', label: 'Recently updated' },
  { value: 'name', label: 'Name' },
  { value: 'priority', label: 'Priority' },
] as const;

/** Definitions by folder, searched and filtered by the definition service. */
export function DefinitionsPage() {
  const allowed = useCan();
  const [params, setParams] = useSearchParams();
  const single = readFilter(params, ['q', 'folderId', 'tag', 'triggerKind', 'sort'] as const);
  const statuses = params.getAll('status').map((s) => oneOf(s, DEFINITION_STATUSES)).filter((s) => s !== undefined);
  const filter: DefinitionFilter = { ...single, status: statuses };
  const page = pageParam(params.get('page'));
  const key = params.toString();
  const found = useAsync(() => searchDefinitions(filter, page, PAGE_SIZE), [key]);
  const canFolders = allowed('folders.read');
  const folderList = useAsync(() => (canFolders ? fetchFolders().then((f) => f.items) : Promise.resolve([])), [canFolders]);

  const apply = (next: DefinitionFilter, nextPage = 0) =>
    setParams(filterParams({ ...next, status: next.status ?? [] }, nextPage));

  return (
    <section>
      <header className="page-header">
        <h1>Definitions</h1>
        <div className="actions">
          {allowed('priorities.read') && <Link className="button" to="/definitions/priorities" data-testid="open-priorities">Priority order</Link>}
          {allowed('templates.read') && <Link className="button" to="/definitions/templates" data-testid="open-templates">Templates</Link>}
          {allowed('definitions.design') && <ImportButton folderId={filter.folderId} onImported={found.reload} />}
        </div>
      </header>
      <div className={canFolders ? 'with-sidebar' : ''}>
        {canFolders && (
          <nav className="sidebar" aria-label="Folders" data-testid="folders">
            <button type="button" className={!filter.folderId ? 'selected' : ''} onClick={() => apply({ ...filter, folderId: undefined })}>
              All folders
            </button>
            <button type="button" className={filter.folderId === 'root' ? 'selected' : ''} onClick={() => apply({ ...filter, folderId: 'root' })}>
              Top level only
            </button>
            {folderTree(folderList.data ?? []).map(({ folder, depth }) => (
              <button
                key={folder.id}
                type="button"
                style={{ paddingLeft: `${0.75 + depth}rem` }}
                className={filter.folderId === folder.id ? 'selected' : ''}
                onClick={() => apply({ ...filter, folderId: folder.id })}
                title={folder.path}
                data-testid="folder"
              >
                {folder.name}
              </button>
            ))}
          </nav>
        )}
        <div>
          <DefinitionFilterForm filter={filter} onApply={apply} />
          <ProblemView error={found.error} />
          {found.data && found.data.items.length === 0 && <p className="empty">No definitions match.</p>}
          {found.data && found.data.items.length > 0 && (
            <table className="table" data-testid="definitions-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Status</th>
                  <th>Tags</th>
                  <th>Trigger</th>
                  <th>Version</th>
                  <th>Updated</th>
                </tr>
              </thead>
              <tbody>
                {found.data.items.map((d) => (
                  <tr key={d.id} data-testid="definition-row" data-definition-id={d.id} data-status={d.status}>
                    <td>
                      <Link to={`/definitions/${d.id}`}>{d.name}</Link>
                      {d.description && <div className="muted">{d.description}</div>}
                    </td>
                    <td><StatusBadge status={d.status} /></td>
                    <td>
                      {(d.tags ?? []).map((tag) => (
                        <button key={tag} type="button" className="tag" onClick={() => apply({ ...filter, tag })}>{tag}</button>
                      ))}
                    </td>
                    <td>{d.triggerKind ?? ''}</td>
                    <td>
                      {d.publishedVersion ? `v${d.publishedVersion}` : <span className="muted">unpublished</span>}
                      {d.pendingRevision && <span className="muted"> + pending changes</span>}
                    </td>
                    <td title={d.updatedAt}>{formatInstant(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {found.data && (
            <Pager page={page} size={PAGE_SIZE} total={found.data.total} shown={found.data.items.length} onPage={(p) => apply(filter, p)} />
          )}
        </div>
      </div>
    </section>
  );
}

function DefinitionFilterForm({ filter, onApply }: { filter: DefinitionFilter; onApply: (f: DefinitionFilter) => void }) {
  const [text, setText] = useState(filter.q ?? '');
  const [tag, setTag] = useState(filter.tag ?? '');
  useEffect(() => {
    setText(filter.q ?? '');
    setTag(filter.tag ?? '');
  }, [filter.q, filter.tag]);
  const statuses = filter.status ?? [];
  const toggle = (status: string) =>
    onApply({ ...filter, status: statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status] });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...filter, q: text, tag });
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="definition-filters">
      <label>
        Search
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Name, description, tag" data-testid="definition-search" />
      </label>
      <label>
        Tag
        <input value={tag} onChange={(e) => setTag(e.target.value)} size={12} />
      </label>
      <fieldset className="filters" style={{ border: 'none', margin: 0, padding: 0 }}>
        {DEFINITION_STATUSES.map((s) => (
          <label key={s} style={{ flexDirection: 'row', alignItems: 'center' }}>
            <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggle(s)} data-testid={`status-${s}`} />
            {statusLabel(s)}
          </label>
        ))}
      </fieldset>
      <label>
        Trigger
        <select value={filter.triggerKind ?? ''} onChange={(e) => onApply({ ...filter, triggerKind: e.target.value || undefined })}>
          <option value="">Any</option>
          {TRIGGER_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      <label>
        Sort
        <select value={filter.sort ?? '-updated'} onChange={(e) => onApply({ ...filter, sort: e.target.value })}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
      <button type="submit" className="primary">Search</button>
    </form>
  );
}

function ImportButton({ folderId, onImported }: { folderId?: string; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    setResult(null);
    const imported = await action.run(
      () => importCn(file, folderId && folderId !== 'root' ? folderId : undefined),
      (r) => `Imported ${r.items.length} definition(s) as drafts`,
      onImported,
    );
    if (imported) {
      setResult(imported);
    }
    if (input.current) {
      input.current.value = '';
    }
  };
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={action.busy} data-testid="import-cn">
        {action.busy ? 'Importing…' : 'Import .cn'}
      </button>
      <input ref={input} type="file" accept=".cn,application/json" hidden onChange={(e) => upload(e.target.files?.[0])} data-testid="import-file" />
      {(action.error || result) && (
        <div className="panel" style={{ flexBasis: '100%' }} data-testid="import-result">
          <ActionOutcome error={action.error} done={action.done} context="Import" />
          {result && (
            <ul>
              {result.items.map((item) => (
                <li key={item.id}>
                  <Link to={`/definitions/${item.id}`}>{item.name}</Link>
                  {item.incidents.length > 0 && <span className="tone-bad"> · {item.incidents.length} incident(s)</span>}
                </li>
              ))}
              {result.unresolved.map((u, i) => (
                <li key={`u${i}`} className="tone-warn">{u.type} {u.name}: {u.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
