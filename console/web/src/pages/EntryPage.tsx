import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { compareVersions, entryEvents, entryHistory, getEntry, invokeEvent, type AvailableEvent, type Difference } from '../api/content';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { JsonView } from '../components/JsonView';
import { Pager } from '../components/Pager';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { useCan } from '../hooks/useAuth';
import { publicComparison, valueText, wordDiff } from '../lib/diff';
import { entryFields, entryTitle, messageParameter } from '../lib/entry';
import { formatInstant } from '../lib/format';

const HISTORY_PAGE = 20;

/** An entry to act on: its fields, what differs from the public version, its history, and the events the user may invoke. */
export function EntryPage() {
  const { type = '', id = '' } = useParams();
  const allowed = useCan();
  const entry = useAsync(() => getEntry(type, id), [type, id]);
  const canAct = allowed('content.act');
  const events = useAsync(() => (canAct ? entryEvents(type, id) : Promise.resolve([])), [type, id, canAct]);
  const [historyPage, setHistoryPage] = useState(0);
  const history = useAsync(() => entryHistory(type, id, historyPage, HISTORY_PAGE), [type, id, historyPage]);
  const comparison = entry.data ? publicComparison(entry.data.internal) : null;
  const compareKey = comparison?.kind === 'compare' ? `${comparison.from}-${comparison.to}` : '';
  const diff = useAsync(
    () => (comparison?.kind === 'compare' ? compareVersions(type, id, comparison.from, comparison.to) : Promise.resolve(null)),
    [type, id, compareKey],
  );
  const reloadAll = useCallback(() => {
    entry.reload();
    events.reload();
    history.reload();
  }, [entry.reload, events.reload, history.reload]);

  if (entry.error) {
    return <ProblemView error={entry.error} context={`Entry ${type}/${id}`} />;
  }
  if (!entry.data) {
    return <p className="muted">Loading entry…</p>;
  }
  const e = entry.data;
  return (
    <section data-testid="entry-page" data-entry-id={e.id} data-state={e.internal.workflowState}>
      <header className="page-header">
        <div>
          <h1>{entryTitle(e)}</h1>
          <p className="muted">
            {e.internal.contentType} · version {e.sys.versionNo} · state <span className="badge" data-testid="entry-state">{e.internal.workflowState}</span>
            {e.internal.createdBy && <> · by <span data-testid="entry-author">{e.internal.createdBy}</span></>}
          </p>
        </div>
        {canAct && <EntryEvents type={type} id={id} events={events.data ?? []} onDone={reloadAll} />}
      </header>
      <ProblemView error={events.error} context="Available actions" />

      <h2>Fields</h2>
      <table className="table" data-testid="entry-fields">
        <tbody>
          {entryFields(e).map(([name, value]) => (
            <tr key={name}>
              <th style={{ width: '12rem' }}>{name}</th>
              <td>{typeof value === 'string' ? <span className="diff-text">{value}</span> : <JsonView value={value} />}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Changes to the public version</h2>
      {comparison?.kind === 'no-public-version' && <p className="muted" data-testid="diff-none">Nothing is public yet: all of it is new.</p>}
      {comparison?.kind === 'same' && <p className="muted" data-testid="diff-same">The latest version is the public one.</p>}
      <ProblemView error={diff.error} context="Differences" />
      {diff.data && <Differences differences={diff.data.differences} from={diff.data.fromVersionNo} to={diff.data.toVersionNo} />}

      <h2>History</h2>
      <ProblemView error={history.error} />
      {history.data && (
        <>
          <table className="table" data-testid="entry-history">
            <thead>
              <tr><th>When</th><th>Who</th><th>What</th><th>From → to</th><th>Message</th></tr>
            </thead>
            <tbody>
              {history.data.items.map((h) => (
                <tr key={h.seq} data-testid="history-row">
                  <td>{formatInstant(h.when)}</td>
                  <td>{h.who}</td>
                  <td>{h.auditText ?? h.event}</td>
                  <td>{h.from ?? ''} → {h.to ?? ''}</td>
                  <td>{h.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={historyPage} size={HISTORY_PAGE} total={history.data.total} shown={history.data.items.length} onPage={setHistoryPage} />
        </>
      )}
    </section>
  );
}

function Differences({ differences, from, to }: { differences: Difference[]; from: string; to: string }) {
  if (differences.length === 0) {
    return <p className="muted">No field differs between version {from} (public) and {to}.</p>;
  }
  return (
    <table className="table" data-testid="entry-diff">
      <thead>
        <tr><th>Field</th><th>Change</th><th>Public ({from}) → latest ({to})</th></tr>
      </thead>
      <tbody>
        {differences.map((d) => (
          <tr key={d.field} data-testid="diff-row" data-field={d.field} data-change={d.change}>
            <td className="mono">{d.field}</td>
            <td>{d.change}</td>
            <td className="diff-text">
              {wordDiff(valueText(d.from), valueText(d.to)).map((s, i) => (
                <span key={i} className={s.op === 'same' ? undefined : `diff-${s.op}`}>{s.text}</span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EntryEvents({ type, id, events, onDone }: { type: string; id: string; events: AvailableEvent[]; onDone: () => void }) {
  const action = useAction();
  const [chosen, setChosen] = useState<AvailableEvent | null>(null);
  const [message, setMessage] = useState('');
  const parameter = chosen ? messageParameter(chosen.parameters) : null;
  const confirm = async () => {
    const event = chosen;
    setChosen(null);
    if (event) {
      await action.run(() => invokeEvent(type, id, event.event, message.trim() || undefined), `${event.name}: done`, onDone);
    }
  };
  return (
    <div className="actions">
      {events.length === 0 && <span className="muted">No action of yours is possible now.</span>}
      {events.map((ev) => (
        <button
          key={ev.event}
          type="button"
          className={/decline|reject/i.test(ev.event) ? 'danger' : 'primary'}
          onClick={() => { setMessage(''); setChosen(ev); }}
          data-testid={`entry-event-${ev.event}`}
        >
          {ev.name}
        </button>
      ))}
      <div style={{ flexBasis: '100%' }}>
        <ActionOutcome error={action.error} done={action.done} />
      </div>
      <ConfirmDialog
        open={chosen !== null}
        title={chosen?.name ?? ''}
        confirmLabel={chosen?.name ?? ''}
        busy={action.busy}
        canConfirm={!parameter?.required || message.trim().length > 0}
        onConfirm={confirm}
        onCancel={() => setChosen(null)}
      >
        <p>The entry moves to <strong>{chosen?.to}</strong>.</p>
        {parameter && (
          <label className="stacked">
            Message{parameter.required ? ' (required)' : ' (optional)'}
            <textarea rows={4} value={message} onChange={(e) => setMessage(e.target.value)} data-testid="event-message" />
          </label>
        )}
      </ConfirmDialog>
    </div>
  );
}
