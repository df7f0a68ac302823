import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { RUN_STATUSES, runCounts, searchRuns, type RunFilter, type RunStatus } from '../api/runner';
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
import { filterParams, listOf, listParam, readFilter, toggled } from '../lib/query';
import { statusLabel, toneOf } from '../lib/status';

const FILTER_KEYS = ['definitionId', 'version', 'caseId', 'status', 'from', 'to', 'q'] as const;
const PAGE_SIZE = 25;
/** The runner's bounds of a search text (q): shorter or longer is a 400 naming q. */
const Q_MIN = 3;
const Q_MAX = 200;

/** The filter as URL parameters: statuses as one comma-separated parameter, as the runner takes them. */
function runFilterParams(filter: RunFilter, page = 0): URLSearchParams {
  return filterParams({ ...filter, status: listParam(filter.status) }, page);
}

/** All runs of the tenant, newest first, filtered by the runner, updating live from the event stream. */
export function RunsPage() {
  const allowed = useCan();
  const [params, setParams] = useSearchParams();
  const read = readFilter(params, FILTER_KEYS);
  const filter: RunFilter = { ...read, status: listOf(read.status, RUN_STATUSES) };
  const selected = filter.status ?? [];
  const page = pageParam(params.get('page'));
  const key = params.toString();

  const runs = useAsync(() => searchRuns(filter, page, PAGE_SIZE), [key]);
  // the counts are for the other filters: they show how many runs each status would list
  const countFilter: RunFilter = { ...filter, status: undefined };
  const countsKey = JSON.stringify(countFilter);
  const counts = useAsync(() => runCounts(countFilter), [countsKey]);
  useLiveReload(() => {
    runs.reload();
    counts.reload();
  }, (event) => affectsRunList(event, filter));

  const apply = (next: RunFilter, nextPage = 0) => setParams(runFilterParams(next, nextPage));
  const toggle = (status: RunStatus) => apply({ ...filter, status: toggled(selected, status, RUN_STATUSES) });

  return (
    <section>
      <h1>Runs</h1>
      <RunFilterForm filter={filter} canSearchDefinitions={allowed('definitions.read')} onApply={apply} />
      <div className="counts" data-testid="run-counts" role="group" aria-label="Statuses (choose one or several)">
        <button
          type="button"
          className={`count ${selected.length === 0 ? 'selected' : ''}`}
          aria-pressed={selected.length === 0}
          onClick={() => apply({ ...filter, status: undefined })}
          data-testid="count-ALL"
          data-count={counts.data?.total ?? ''}
        >
          All <strong>{counts.data ? counts.data.total : '…'}</strong>
        </button>
        {RUN_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`count tone-${toneOf(status)} ${selected.includes(status) ? 'selected' : ''}`}
            aria-pressed={selected.includes(status)}
            title={selected.includes(status) ? `Stop listing ${statusLabel(status).toLowerCase()} runs` : `List ${statusLabel(status).toLowerCase()} runs too`}
            onClick={() => toggle(status)}
            data-testid={`count-${status}`}
            data-count={counts.data?.byStatus[status] ?? ''}
          >
            {statusLabel(status)} <strong>{counts.data ? (counts.data.byStatus[status] ?? 0) : '…'}</strong>
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
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          minLength={Q_MIN}
          maxLength={Q_MAX}
          placeholder="Id or its start, error text…"
          title={`An id or its first 8+ hex digits (the run's, its case's or its definition's), or ${Q_MIN} to ${Q_MAX} characters of a failed run's error (message, code or failing node)`}
          data-testid="filter-q"
        />
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
