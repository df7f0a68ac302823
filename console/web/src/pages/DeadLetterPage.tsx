import { useState } from 'react';
import { useParams } from 'react-router';
import { getDeadLetter, replayDeadLetter } from '../api/runner';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { JsonView } from '../components/JsonView';
import { ActionOutcome, ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useAsync';
import { formatInstant } from '../lib/format';

/** A payload as JSON when it is JSON, else as text. */
function Payload({ text }: { text: string }) {
  try {
    return <JsonView value={JSON.parse(text)} />;
  } catch {
    return <pre className="json">{text}</pre>;
  }
}

/** One dead letter: the record, why its consumer gave up, its replays; replay it after a fix. */
export function DeadLetterPage() {
  const { id = '' } = useParams();
  const letter = useAsync(() => getDeadLetter(id), [id]);
  const action = useAction();
  const [confirming, setConfirming] = useState(false);

  if (letter.error) {
    return <ProblemView error={letter.error} context={`Dead letter ${id}`} />;
  }
  if (!letter.data) {
    return <p className="muted">Loading…</p>;
  }
  const d = letter.data;
  const replay = async () => {
    setConfirming(false);
    await action.run(() => replayDeadLetter(d.id), 'Replayed');
    // a refused replay (422: still failing) is recorded too, so show the record as it is now either way
    letter.reload();
  };
  return (
    <section data-testid="dead-letter-page">
      <header className="page-header">
        <h1>
          Dead letter <StatusBadge status={d.status} testId="dead-letter-status" />
        </h1>
        {d.status === 'DEAD' && (
          <button type="button" className="primary" onClick={() => setConfirming(true)} data-testid="replay">Replay</button>
        )}
      </header>
      <ActionOutcome error={action.error} done={action.done} context="Replay" />
      <dl className="facts">
        <dt>Why</dt>
        <dd className="tone-bad">{d.error}</dd>
        <dt>Consumer</dt>
        <dd>{d.consumer}</dd>
        <dt>Record</dt>
        <dd className="mono">{d.topic} partition {d.partition} offset {d.offset}</dd>
        <dt>Event</dt>
        <dd>{d.eventType ?? ''} <span className="mono muted">{d.eventId}</span></dd>
        <dt>Key</dt>
        <dd className="mono">{d.key}</dd>
        <dt>Tenant</dt>
        <dd>{d.tenant ?? <span className="muted">none readable</span>}</dd>
        <dt>Dead-lettered</dt>
        <dd>{formatInstant(d.deadLetteredAt)}</dd>
        <dt>Replays</dt>
        <dd>
          {d.replays}
          {d.lastReplayAt && <> · last {formatInstant(d.lastReplayAt)} by {d.lastReplayBy}</>}
          {d.lastReplayError && <div className="tone-bad">{d.lastReplayError}</div>}
        </dd>
      </dl>
      <h2>Payload{d.payloadTruncated ? ' (cut at 64 KiB)' : ''}</h2>
      {d.payload ? <Payload text={d.payload} /> : <p className="muted">No payload.</p>}
      {d.headers && Object.keys(d.headers).length > 0 && (
        <>
          <h2>Headers</h2>
          <JsonView value={d.headers} />
        </>
      )}
      <ConfirmDialog open={confirming} title="Replay this record?" confirmLabel="Replay" busy={action.busy} onConfirm={replay} onCancel={() => setConfirming(false)}>
        <p>The consumer that gave up runs over the record once more. Do this after fixing what made it fail.</p>
      </ConfirmDialog>
    </section>
  );
}
