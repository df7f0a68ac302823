import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listDeadLetters, type DeadLetterFilter } from '../api/runner';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { useAsync } from '../hooks/useAsync';
import { formatInstant, shortId } from '../lib/format';
import { pageParam } from '../lib/paging';
import { filterParams, oneOf, readFilter } from '../lib/query';

const PAGE_SIZE = 25;
const STATUSES = ['DEAD', 'REPLAYED'] as const;

/** Records the runner's consumers gave up on: what failed, why; each can be replayed after a fix. */
export function DeadLettersPage() {
  const [params, setParams] = useSearchParams();
  const read = readFilter(params, ['consumer', 'topic', 'status'] as const);
  const filter: DeadLetterFilter = { ...read, status: oneOf(read.status, STATUSES) };
  const page = pageParam(params.get('page'));
  const key = params.toString();
  const letters = useAsync(() => listDeadLetters(filter, page, PAGE_SIZE), [key]);
  const apply = (next: DeadLetterFilter, nextPage = 0) => setParams(filterParams({ ...next }, nextPage));

  return (
    <section>
      <h1>Dead letters</h1>
      <DeadLetterFilterForm filter={filter} onApply={apply} />
      <ProblemView error={letters.error} />
      {letters.data && letters.data.items.length === 0 && <p className="empty">No dead letters. Every record was processed.</p>}
      {letters.data && letters.data.items.length > 0 && (
        <table className="table" data-testid="dead-letters-table">
          <thead>
            <tr><th>When</th><th>Consumer</th><th>Topic</th><th>Event</th><th>Why</th><th>Status</th></tr>
          </thead>
          <tbody>
            {letters.data.items.map((d) => (
              <tr key={d.id} data-testid="dead-letter-row" data-dead-letter-id={d.id} data-status={d.status}>
                <td><Link to={`/dead-letters/${d.id}`}>{formatInstant(d.deadLetteredAt)}</Link></td>
                <td>{d.consumer}</td>
                <td className="mono">{d.topic}<span className="muted"> {d.partition}@{d.offset}</span></td>
                <td>{d.eventType ?? ''} <span className="muted mono">{shortId(d.eventId)}</span></td>
                <td>{d.error}</td>
                <td><StatusBadge status={d.status} />{d.replays > 0 && <span className="muted"> ×{d.replays}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {letters.data && (
        <Pager page={page} size={PAGE_SIZE} total={letters.data.total} shown={letters.data.items.length} onPage={(p) => apply(filter, p)} />
      )}
    </section>
  );
}

function DeadLetterFilterForm({ filter, onApply }: { filter: DeadLetterFilter; onApply: (f: DeadLetterFilter) => void }) {
  const [consumer, setConsumer] = useState(filter.consumer ?? '');
  const [topic, setTopic] = useState(filter.topic ?? '');
  useEffect(() => {
    setConsumer(filter.consumer ?? '');
    setTopic(filter.topic ?? '');
  }, [filter.consumer, filter.topic]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...filter, consumer, topic });
  };
  return (
    <form className="filters" onSubmit={submit}>
      <label>
        Consumer group
        <input value={consumer} onChange={(e) => setConsumer(e.target.value)} placeholder="e.g. runner-trigger-registry" />
      </label>
      <label>
        Topic
        <input value={topic} onChange={(e) => setTopic(e.target.value)} />
      </label>
      <label>
        Status
        <select value={filter.status ?? ''} onChange={(e) => onApply({ ...filter, status: e.target.value || undefined })}>
          <option value="">Any</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
        </select>
      </label>
      <button type="submit" className="primary">Apply</button>
    </form>
  );
}
