import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { RUN_STATUSES, runCounts, searchRuns, type RunFilter } from '../api/runner';
import { DefinitionPicker } from '../components/DefinitionPicker';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { RunsTable } from '../components/RunsTable';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';
import { useLiveReload } from '../hooks/useLive';
import { isoToLocalInput, localInputToIso } from '../lib/format';
import { affectsRunList } from '../lib/live';
import { pageParam } from '../lib/paging';
import { filterParams, oneOf, readFilter } from '../lib/query';
import { statusLabel, toneOf } from '../lib/status';

const FILTER_KEYS = ['definitionId', 'version', 'caseId', 'status', 'from', 'to', 'q'] as const;
const PAGE_SIZE = 25;

/** All runs of the tenant, newest first, filtered by the runner, updating live from the event stream. */
export function RunsPage() {
  const allowed = useCan();
  const [params, setParams] = useSearchParams();
  const read = readFilter(params, FILTER_KEYS);
  const filter: RunFilter = { ...read, status: oneOf(read.status, RUN_STATUSES) };
  const page = pageParam(params.get('page'));
  const key = params.toString();

  const runs = useAsync(() => searchRuns(filter, page, PAGE_SIZE), [key]);
  // the counts are for the other filters: they show how many runs each status would list
  const countFilter = { ...filter, status: undefined };
  const countsKey = JSON.stringify(countFilter);
  const counts = useAsync(() => runCounts(countFilter), [countsKey]);
  useLiveReload(() => {
    runs.reload();
    counts.reload();
  }, (event) => affectsRunList(event, filter));

  const apply = (next: RunFilter, nextPage = 0) => setParams(filterParams({ ...next }, nextPage));

  return (
    <section>
      <h1>Runs</h1>
      <RunFilterForm filter={filter} canSearchDefinitions={allowed('definitions.read')} onApply={apply} />
      <div className="counts" data-testid="run-counts">
        <button
          type="button"
          className={`count ${filter.status ? '' : 'selected'}`}
          onClick={() => apply({ ...filter, status: undefined })}
          data-testid="count-ALL"
        >
          All
        </button>
        {RUN_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`count tone-${toneOf(status)} ${filter.status === status ? 'selected' : ''}`}
            onClick={() => apply({ ...filter, status: filter.status === status ? undefined : status })}
            data-testid={`count-${status}`}
            data-count={counts.data?.counts[status] ?? ''}
          >
            {statusLabel(status)} <strong>{counts.data ? (counts.data.counts[status] ?? 0) : '…'}</strong>
          </button>
        ))}
      </div>
      <ProblemView error={counts.error} context="Counts by status" />
      <ProblemView error={runs.error} />
      {runs.data && (
        <>
          <RunsTable runs={runs.data.items} />
          <Pager page={page} size={PAGE_SIZE} total={runs.data.total} shown={runs.data.items.length} onPage={(p) => apply(filter, p)} />
        </>
      )}
      {!runs.data && runs.loading && <p className="muted">Loading runs…</p>}
    </section>
  );
}

function RunFilterForm({ filter, canSearchDefinitions, onApply }: {
  filter: RunFilter;
  canSearchDefinitions: boolean;
  onApply: (filter: RunFilter) => void;
}) {
  const [text, setText] = useState(filter.q ?? '');
  const [caseId, setCaseId] = useState(filter.caseId ?? '');
  const [from, setFrom] = useState(isoToLocalInput(filter.from));
  const [to, setTo] = useState(isoToLocalInput(filter.to));
  // a new URL (back button, a link) shows its filter in the form
  useEffect(() => {
    setText(filter.q ?? '');
    setCaseId(filter.caseId ?? '');
    setFrom(isoToLocalInput(filter.from));
    setTo(isoToLocalInput(filter.to));
  }, [filter.q, filter.caseId, filter.from, filter.to]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...filter, q: text, caseId, from: localInputToIso(from), to: localInputToIso(to) });
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="run-filters">
      <label>
        Search
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Run, case, error text…" data-testid="filter-q" />
      </label>
      <label>
        Definition
        <DefinitionPicker
          value={filter.definitionId}
          canSearch={canSearchDefinitions}
          onChange={(definitionId) => onApply({ ...filter, definitionId, version: undefined })}
        />
      </label>
      {filter.version && (
        <label>
          Version
          <span className="picked">
            v{filter.version}
            <button type="button" className="link" onClick={() => onApply({ ...filter, version: undefined })} aria-label="Any version">✕</button>
          </span>
        </label>
      )}
      <label>
        Status
        <select
          value={filter.status ?? ''}
          onChange={(e) => onApply({ ...filter, status: e.target.value || undefined })}
          data-testid="filter-status"
        >
          <option value="">Any</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>{statusLabel(s)}</option>
          ))}
        </select>
      </label>
      <label>
        Case
        <input value={caseId} onChange={(e) => setCaseId(e.target.value)} placeholder="Case id" data-testid="filter-case" />
      </label>
      <label>
        From
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="filter-from" />
      </label>
      <label>
        To
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} data-testid="filter-to" />
      </label>
      <button type="submit" className="primary" data-testid="filter-apply">Apply</button>
    </form>
  );
}
